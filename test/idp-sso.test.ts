import assert from 'node:assert/strict';
import { deflateRawSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import { parseIdpMetadata } from '../src/saml/parse-idp-metadata.ts';
import { readAssertion } from '../src/saml/read-assertion.ts';
import { verifySamlResponse } from '../src/saml/verify/verify-saml-response.ts';
import { BrowserSession, formAction, formValue } from './support/browser-session.ts';
import { assignDefaultRole } from './support/assign-default-role.ts';
import { startTestIdp, type TestIdp } from './support/start-test-idp.ts';
import { xmlsecVerify } from './support/xmlsec-verify.ts';

const NS = 'https://aws.amazon.com/SAML/Attributes';
const role = (account: string, name: string) => `arn:aws:iam::${account}:role/${name},arn:aws:iam::${account}:saml-provider/rolegate`;

describe('IdP: directory, AWS app, signed SSO over real HTTP', () => {
  let idp: TestIdp;
  let appId: string;
  let metadataCert: string;
  const ids: Record<string, string> = {};

  before(async () => {
    idp = await startTestIdp();
    const mk = async (path: string, body: unknown) => {
      const r = await idp.api('POST', path, body);
      assert.equal(r.status, 201, JSON.stringify(r.body));
      return r.body.id as string;
    };
    ids.alice = await mk('/users', { userPrincipalName: 'alice@example.com', displayName: 'Alice', password: 'correct horse battery' });
    ids.bob = await mk('/users', { userPrincipalName: 'bob@example.com', displayName: 'Bob', password: 'bob-password-1' });
    ids.carol = await mk('/users', { userPrincipalName: 'carol@example.com', displayName: 'Carol', password: 'carol-password', enabled: false });
    ids.eve = await mk('/users', { userPrincipalName: 'eve smith@example.com'.replace(' ', ''), displayName: 'Eve', password: 'eve-password-1', attributes: { badName: 'not valid!' } });
    ids.engineering = await mk('/groups', { displayName: 'engineering' });
    ids.platform = await mk('/groups', { displayName: 'platform' });
    // alice ∈ platform ∈ engineering: nested, which Entra refuses for assignment (seed 001).
    assert.equal((await idp.api('POST', `/groups/${ids.engineering}/members`, { id: ids.platform })).status, 201);
    assert.equal((await idp.api('POST', `/groups/${ids.platform}/members`, { id: ids.alice })).status, 201);

    appId = await mk('/apps', { template: 'aws', displayName: 'AWS (demo accounts)' });
    const patch = await idp.api('PATCH', `/apps/${appId}`, { sessionDuration: 7200 });
    assert.equal(patch.status, 200, JSON.stringify(patch.body));
    const imported = await idp.api('POST', `/apps/${appId}/roles/import`, {
      appRoles: [
        { allowedMemberTypes: ['User'], description: 'msiam_access', displayName: 'msiam_access', id: '7dfd756e-8c27-4472-b2b7-38c17fc5de5e', isEnabled: true, origin: 'Application', value: null },
        { displayName: 'Admin', description: 'Admin', isEnabled: true, value: role('111111111111', 'Admin') },
        { displayName: 'ReadOnly', isEnabled: true, value: role('111111111111', 'ReadOnly') },
        { displayName: 'Audit', isEnabled: true, value: role('222222222222', 'Audit') },
      ],
    });
    assert.deepEqual(imported.body, { received: 4, added: 3, updated: 0, unchanged: 0, skipped: 1 });
    const roles = (await idp.api('GET', `/apps/${appId}/roles`)).body.items as Array<{ id: string; value: string | null }>;
    const roleId = (v: string) => roles.find((r) => r.value === v)!.id;
    await mk(`/apps/${appId}/assignments`, { principalId: ids.alice, appRoleId: roleId(role('111111111111', 'Admin')) });
    await mk(`/apps/${appId}/assignments`, { principalId: ids.platform, appRoleId: roleId(role('111111111111', 'ReadOnly')) });
    await mk(`/apps/${appId}/assignments`, { principalId: ids.engineering, appRoleId: roleId(role('222222222222', 'Audit')) });
    // The same role through two paths must be sent once.
    await mk(`/apps/${appId}/assignments`, { principalId: ids.engineering, appRoleId: roleId(role('111111111111', 'Admin')) });
    await mk(`/apps/${appId}/assignments`, { principalId: ids.eve, appRoleId: roleId(role('111111111111', 'Admin')) });
    await mk(`/apps/${appId}/assignments`, { principalId: ids.carol, appRoleId: roleId(role('111111111111', 'Admin')) });

    const metadata = await fetch(`${idp.url}/saml/${appId}/metadata`);
    assert.equal(metadata.status, 200);
    const parsed = parseIdpMetadata(await metadata.text());
    assert.equal(parsed.entityId, `${idp.url}/saml/${appId}`);
    assert.equal(parsed.signingCertificatesPem.length, 1);
    metadataCert = parsed.signingCertificatesPem[0]!;
  });
  after(() => idp.close());

  async function launchAs(username: string, password: string) {
    const browser = new BrowserSession(idp.url);
    const signIn = await browser.signIn(username, password);
    assert.equal(signIn.status, 303, signIn.text);
    return { browser, launch: await browser.request(`/apps/${appId}/launch`) };
  }

  test('My Apps lists the AWS tile and the launch posts a response signed for AWS', async () => {
    const { browser, launch } = await launchAs('alice@example.com', 'correct horse battery');
    const home = await browser.request('/');
    assert.equal(home.status, 200);
    assert.match(home.text, new RegExp(`href="/apps/${appId}/launch"`));

    assert.equal(launch.status, 200);
    assert.equal(formAction(launch.text), 'https://signin.aws.amazon.com/saml');
    assert.match(launch.headers.get('content-security-policy') ?? '', /form-action https:\/\/signin\.aws\.amazon\.com/);
    const xml = Buffer.from(formValue(launch.text, 'SAMLResponse'), 'base64').toString('utf8');

    // Independent verification: xmlsec1 with only the certificate published in the metadata.
    const independent = xmlsecVerify(xml, metadataCert, 'Assertion');
    assert.ok(independent.ok, independent.output);
    const tampered = xml.replace('111111111111:role/ReadOnly', '111111111111:role/ReadOnlX');
    assert.equal(xmlsecVerify(tampered, metadataCert, 'Assertion').ok, false, 'a changed role must break the signature');

    const verified = verifySamlResponse(xml, [metadataCert], { maxLength: 100_000, allowSha1: false });
    assert.equal(verified.assertionSigned, true);
    const a = readAssertion(verified.assertion);
    assert.equal(a.issuer, `${idp.url}/saml/${appId}`);
    assert.deepEqual(a.conditions?.audiences, [['urn:amazon:webservices']]);
    assert.equal(a.subject?.confirmations.length, 1);
    const confirmation = a.subject!.confirmations[0]!;
    assert.equal(confirmation.method, 'urn:oasis:names:tc:SAML:2.0:cm:bearer');
    assert.equal(confirmation.recipient, 'https://signin.aws.amazon.com/saml');
    const lifetime = Date.parse(confirmation.notOnOrAfter!) - Date.now();
    assert.ok(lifetime > 240_000 && lifetime <= 300_000, `NotOnOrAfter about five minutes out, got ${lifetime} ms`);
    assert.equal(a.subject?.nameId, 'alice@example.com');
    assert.ok(a.authnStatements[0]?.sessionIndex, 'AuthnStatement has a SessionIndex');
    const attr = (name: string) => a.attributes.find((x) => x.name === `${NS}/${name}`)?.values;
    assert.deepEqual(attr('Role')?.slice().sort(), [role('111111111111', 'Admin'), role('111111111111', 'ReadOnly'), role('222222222222', 'Audit')].sort());
    assert.deepEqual(attr('RoleSessionName'), ['alice@example.com']);
    assert.deepEqual(attr('SessionDuration'), ['7200']);
  });

  test('a password change or a new sign-in ends the sessions made before it', async () => {
    const first = new BrowserSession(idp.url);
    assert.equal((await first.signIn('alice@example.com', 'correct horse battery')).status, 303);
    const stolen = first.cookies.get('rolegate_session')!;
    // Signing in again in the same browser replaces the session: the old cookie is dead.
    assert.equal((await first.signIn('alice@example.com', 'correct horse battery')).status, 303);
    assert.notEqual(first.cookies.get('rolegate_session'), stolen);
    const replay = new BrowserSession(idp.url);
    replay.cookies.set('rolegate_session', stolen);
    assert.equal((await replay.request('/')).status, 303, 'the replaced session no longer opens My Apps');

    const current = new BrowserSession(idp.url);
    current.cookies.set('rolegate_session', first.cookies.get('rolegate_session')!);
    assert.equal((await current.request('/')).status, 200);
    assert.equal((await idp.api('PATCH', `/users/${ids.alice}`, { password: 'correct horse battery' })).status, 200);
    assert.equal((await current.request(`/apps/${appId}/launch`)).status, 303, 'after a password change the old session must sign in again');
  });

  test('a user whose only role is msiam_access sees no AWS tile, which could only fail', async () => {
    const user = await idp.api('POST', '/users', { userPrincipalName: 'mia@example.com', displayName: 'Mia', password: 'mia-password-1' });
    const roles = (await idp.api('GET', `/apps/${appId}/roles`)).body.items as Array<{ id: string; value: string | null }>;
    await idp.api('POST', `/apps/${appId}/assignments`, { principalId: user.body.id, appRoleId: roles.find((r) => r.value === null)!.id });
    const browser = new BrowserSession(idp.url);
    await browser.signIn('mia@example.com', 'mia-password-1');
    const home = await browser.request('/');
    assert.equal(home.status, 200);
    assert.doesNotMatch(home.text, new RegExp(`/apps/${appId}/launch`));
  });

  test('a form post that is not url-encoded is a 400, not a 500', async () => {
    const r = await fetch(`${idp.url}/signin`, { method: 'POST', headers: { 'content-type': 'multipart/form-data' }, body: 'garbage' });
    assert.equal(r.status, 400);
  });

  test('a wrong password and an unknown user get the same answer', async () => {
    const browser = new BrowserSession(idp.url);
    const wrong = await browser.signIn('alice@example.com', 'nope-nope-nope');
    const unknown = await browser.signIn('nobody@example.com', 'nope-nope-nope');
    assert.equal(wrong.status, 401);
    assert.equal(unknown.status, 401);
    assert.match(wrong.text, /The user name or password is incorrect\./);
    assert.match(unknown.text, /The user name or password is incorrect\./);
    assert.equal(browser.cookies.has('rolegate_session'), false);
  });

  test('a disabled user cannot sign in; an unassigned user gets a clear page', async () => {
    const carol = await new BrowserSession(idp.url).signIn('carol@example.com', 'carol-password');
    assert.equal(carol.status, 401);
    assert.match(carol.text, /disabled/);
    const { launch } = await launchAs('bob@example.com', 'bob-password-1');
    assert.equal(launch.status, 403);
    assert.match(launch.text, /not assigned to the application/);
    assert.doesNotMatch(launch.text, /SAMLResponse/);
  });

  test('a user whose RoleSessionName AWS would refuse gets an error page, not a broken response', async () => {
    await idp.api('PATCH', `/apps/${appId}`, {
      claims: [
        { name: 'Role', namespace: NS, source: { type: 'roles' } },
        { name: 'RoleSessionName', namespace: NS, source: { type: 'attribute', attribute: 'badName' } },
      ],
    });
    try {
      const { launch } = await launchAs('evesmith@example.com', 'eve-password-1');
      assert.equal(launch.status, 422);
      assert.match(launch.text, /RoleSessionName/);
      assert.doesNotMatch(launch.text, /SAMLResponse/);
      const preview = await idp.api('GET', `/apps/${appId}/saml/preview?user=evesmith@example.com`);
      assert.equal(preview.status, 422);
      assert.equal(preview.body.error.code, 'ERR_CLAIM_INVALID');
    } finally {
      await idp.api('PATCH', `/apps/${appId}`, {
        claims: [
          { name: 'Role', namespace: NS, source: { type: 'roles' } },
          { name: 'RoleSessionName', namespace: NS, source: { type: 'attribute', attribute: 'userPrincipalName' } },
          { name: 'SessionDuration', namespace: NS, source: { type: 'sessionDuration' } },
        ],
      });
    }
  });

  test('the preview API returns the response a user would receive, without sending it', async () => {
    const preview = await idp.api('GET', `/apps/${appId}/saml/preview?user=alice@example.com`);
    assert.equal(preview.status, 200, JSON.stringify(preview.body));
    assert.equal(preview.body.acsUrl, 'https://signin.aws.amazon.com/saml');
    assert.equal(preview.body.audience, 'urn:amazon:webservices');
    assert.equal(preview.body.attributes.find((a: { name: string }) => a.name === `${NS}/Role`).values.length, 3);
    assert.ok(xmlsecVerify(Buffer.from(preview.body.samlResponse, 'base64').toString('utf8'), metadataCert, 'Assertion').ok);
  });

  test('several AWS app instances: a #n identifier is stripped from the Audience', async () => {
    const second = await idp.api('POST', '/apps', { template: 'aws', displayName: 'AWS second account', identifiers: ['urn:amazon:webservices#2'] });
    assert.equal(second.status, 201, JSON.stringify(second.body));
    const roleValue = role('333333333333', 'Dev');
    const created = await idp.api('POST', `/apps/${second.body.id}/roles`, { value: roleValue, displayName: 'Dev' });
    await idp.api('POST', `/apps/${second.body.id}/assignments`, { principalId: ids.alice, appRoleId: created.body.id });
    const preview = await idp.api('GET', `/apps/${second.body.id}/saml/preview?user=alice@example.com`);
    assert.equal(preview.body.audience, 'urn:amazon:webservices');
    assert.match(preview.body.xml, /<saml:Audience>urn:amazon:webservices<\/saml:Audience>|<Audience>urn:amazon:webservices<\/Audience>/);
    assert.notEqual(second.body.idpEntityId, `${idp.url}/saml/${appId}`, 'each instance is its own IdP entity with its own certificate');
  });

  test('signing scope "both" and RSA-SHA1 are selectable and verify independently', async () => {
    await idp.api('PATCH', `/apps/${appId}`, { signingScope: 'both', signingAlgorithm: 'rsa-sha1' });
    try {
      const preview = await idp.api('GET', `/apps/${appId}/saml/preview?user=alice@example.com`);
      const xml = Buffer.from(preview.body.samlResponse, 'base64').toString('utf8');
      assert.match(xml, /xmldsig#rsa-sha1/);
      assert.ok(xmlsecVerify(xml, metadataCert, 'Assertion').ok);
      assert.ok(xmlsecVerify(xml, metadataCert, 'Response').ok);
    } finally {
      await idp.api('PATCH', `/apps/${appId}`, { signingScope: 'assertion', signingAlgorithm: 'rsa-sha256' });
    }
  });
});

describe('IdP: SP-initiated sign-in with a generic SAML SP', () => {
  let idp: TestIdp;
  let appId: string;
  const SP = 'https://sp.example.test/saml/metadata';
  const ACS = 'http://127.0.0.1:9/acs';

  before(async () => {
    idp = await startTestIdp();
    const user = await idp.api('POST', '/users', { userPrincipalName: 'dana@example.com', displayName: 'Dana', mail: 'dana@example.com', password: 'dana-password' });
    const app = await idp.api('POST', '/apps', { template: 'generic-saml', displayName: 'Wiki', identifiers: [SP], replyUrls: [ACS] });
    assert.equal(app.status, 201, JSON.stringify(app.body));
    appId = app.body.id;
    await assignDefaultRole(idp, appId, user.body.id);
  });
  after(() => idp.close());

  function authnRequest(options: { issuer?: string; acs?: string; id?: string; issueInstant?: string; destination?: string } = {}) {
    const xml =
      `<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ` +
      `ID="${options.id ?? '_req123'}" Version="2.0" IssueInstant="${options.issueInstant ?? new Date().toISOString()}" ` +
      (options.destination ? `Destination="${options.destination}" ` : '') +
      `AssertionConsumerServiceURL="${options.acs ?? ACS}" ProtocolBinding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST">` +
      `<saml:Issuer>${options.issuer ?? SP}</saml:Issuer></samlp:AuthnRequest>`;
    return deflateRawSync(Buffer.from(xml)).toString('base64');
  }

  test('redirect binding: sign in first, then a response with InResponseTo goes to the ACS', async () => {
    const browser = new BrowserSession(idp.url);
    const path = `/saml/${appId}/sso?${new URLSearchParams({ SAMLRequest: authnRequest(), RelayState: 'page/42' })}`;
    const first = await browser.request(path);
    assert.equal(first.status, 303);
    assert.match(first.location ?? '', /^\/signin\?return=/);
    const returnTo = decodeURIComponent(first.location!.split('return=')[1]!);
    const signIn = await browser.signIn('dana@example.com', 'dana-password', returnTo);
    assert.equal(signIn.status, 303);
    const answer = await browser.request(signIn.location!);
    assert.equal(answer.status, 200, answer.text);
    assert.equal(formAction(answer.text), ACS);
    assert.equal(formValue(answer.text, 'RelayState'), 'page/42');
    const xml = Buffer.from(formValue(answer.text, 'SAMLResponse'), 'base64').toString('utf8');
    assert.match(xml, /InResponseTo="_req123"/);
    const cert = parseIdpMetadata(await (await fetch(`${idp.url}/saml/${appId}/metadata`)).text()).signingCertificatesPem[0]!;
    assert.ok(xmlsecVerify(xml, cert, 'Assertion').ok);
    const a = readAssertion(verifySamlResponse(xml, [cert], { maxLength: 100_000, allowSha1: false }).assertion);
    assert.deepEqual(a.conditions?.audiences, [[SP]]);
    assert.equal(a.subject?.confirmations[0]?.inResponseTo, '_req123');
  });

  test('POST binding works the same way', async () => {
    const browser = new BrowserSession(idp.url);
    await browser.signIn('dana@example.com', 'dana-password');
    const xml = Buffer.from(
      `<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_post1" Version="2.0" IssueInstant="${new Date().toISOString()}" AssertionConsumerServiceURL="${ACS}"><saml:Issuer>${SP}</saml:Issuer></samlp:AuthnRequest>`,
    ).toString('base64');
    const answer = await browser.request(`/saml/${appId}/sso`, { form: { SAMLRequest: xml } });
    assert.equal(answer.status, 200, answer.text);
    assert.match(Buffer.from(formValue(answer.text, 'SAMLResponse'), 'base64').toString('utf8'), /InResponseTo="_post1"/);
  });

  test('an unknown Issuer, an unregistered ACS, a DTD or garbage get an error page and never a redirect', async () => {
    const browser = new BrowserSession(idp.url);
    await browser.signIn('dana@example.com', 'dana-password');
    const cases: Array<[string, RegExp]> = [
      [authnRequest({ issuer: 'https://evil.example/sp' }), /Issuer 'https:\/\/evil\.example\/sp' is not an identifier/],
      [authnRequest({ acs: 'https://evil.example/acs' }), /AssertionConsumerServiceURL 'https:\/\/evil\.example\/acs' is not a reply URL/],
      [authnRequest({ destination: 'https://other-idp.example/sso' }), /Destination 'https:\/\/other-idp\.example\/sso' is not this sign-in URL/],
      [deflateRawSync(Buffer.from('<!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>')).toString('base64'), /DTD/],
      ['%%%not-base64', /./],
    ];
    for (const [samlRequest, message] of cases) {
      const r = await browser.request(`/saml/${appId}/sso?SAMLRequest=${encodeURIComponent(samlRequest)}`);
      assert.ok(r.status >= 400 && r.status < 500, `status ${r.status}`);
      assert.equal(r.location, null, 'never redirected');
      assert.match(r.text, message);
      assert.doesNotMatch(r.text, /SAMLResponse/);
    }
  });

  test('an unknown app is a 404 page', async () => {
    const r = await new BrowserSession(idp.url).request('/saml/01aaaaaaaaaaaaaaaaaaaaaaaa/sso?SAMLRequest=x');
    assert.equal(r.status, 404);
  });
});
