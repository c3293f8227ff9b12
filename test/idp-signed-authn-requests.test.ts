import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { BrowserSession, formAction, formValue } from './support/browser-session.ts';
import { createTestCertificate, type TestSigningKey } from './support/create-test-certificate.ts';
import {
  buildTestAuthnRequest,
  deflateForRedirect,
  RSA_SHA1,
  signTestAuthnRequestXml,
  signTestRedirectQuery,
} from './support/sign-test-authn-request.ts';
import { assignDefaultRole } from './support/assign-default-role.ts';
import { startTestIdp, type TestIdp } from './support/start-test-idp.ts';

describe('IdP: SP-initiated sign-in with signed AuthnRequests required', () => {
  let idp: TestIdp;
  let appId: string;
  let sp: TestSigningKey;
  let attacker: TestSigningKey;
  const SP = 'https://signed-sp.example.test/saml';
  const ACS = 'http://127.0.0.1:9/signed-acs';
  let requestCount = 0;

  before(async () => {
    [sp, attacker] = await Promise.all([createTestCertificate({ commonName: 'signed sp' }), createTestCertificate({ commonName: 'attacker' })]);
    idp = await startTestIdp();
    const user = await idp.api('POST', '/users', { userPrincipalName: 'erin@example.com', displayName: 'Erin', mail: 'erin@example.com', password: 'erin-password' });
    const app = await idp.api('POST', '/apps', { template: 'generic-saml', displayName: 'Signed SP', identifiers: [SP], replyUrls: [ACS] });
    assert.equal(app.status, 201, JSON.stringify(app.body));
    appId = app.body.id;
    assert.equal(app.body.authnRequestsSigned, false);
    assert.deepEqual(app.body.spSigningCertificates, []);
    const patched = await idp.api('PATCH', `/apps/${appId}`, { authnRequestsSigned: true, spSigningCertificates: [sp.certificatePem] });
    assert.equal(patched.status, 200, JSON.stringify(patched.body));
    await assignDefaultRole(idp, appId, user.body.id);
  });
  after(() => idp.close());

  /** A fresh request (its own ID) for this app. */
  function request(overrides: { acs?: string } = {}): { id: string; xml: string } {
    const id = `_signed${++requestCount}`;
    return { id, xml: buildTestAuthnRequest({ id, issuer: SP, acs: overrides.acs ?? ACS, destination: `${idp.url}/saml/${appId}/sso` }) };
  }

  async function signedIn(): Promise<BrowserSession> {
    const browser = new BrowserSession(idp.url);
    assert.equal((await browser.signIn('erin@example.com', 'erin-password')).status, 303);
    return browser;
  }

  function assertAnswered(answer: { status: number; text: string }, id: string, relayState?: string): void {
    assert.equal(answer.status, 200, answer.text);
    assert.equal(formAction(answer.text), ACS);
    assert.match(Buffer.from(formValue(answer.text, 'SAMLResponse'), 'base64').toString('utf8'), new RegExp(`InResponseTo="${id}"`));
    if (relayState !== undefined) assert.equal(formValue(answer.text, 'RelayState'), relayState);
  }

  function assertRefused(answer: { status: number; location: string | null; text: string }, message: RegExp): void {
    assert.equal(answer.status, 400, answer.text);
    assert.equal(answer.location, null, 'never redirected');
    assert.match(answer.text, /Invalid sign-in request/);
    assert.match(answer.text, message);
    assert.doesNotMatch(answer.text, /SAMLResponse/);
  }

  const sso = () => `/saml/${appId}/sso`;
  const NOT_SIGNED = /the AuthnRequest is not signed, and this application requires signed requests/;
  const NOT_VERIFIED = /the AuthnRequest signature does not verify with the application's SP certificate\(s\)/;

  test('metadata says WantAuthnRequestsSigned="true"', async () => {
    const metadata = await (await fetch(`${idp.url}/saml/${appId}/metadata`)).text();
    assert.match(metadata, /<md:IDPSSODescriptor [^>]*WantAuthnRequestsSigned="true"/);
  });

  test('redirect binding: a signed request is answered with InResponseTo', async () => {
    const { id, xml } = request();
    const browser = await signedIn();
    assertAnswered(await browser.request(`${sso()}?${signTestRedirectQuery(xml, sp, { relayState: 'page/7' })}`), id, 'page/7');
  });

  test('redirect binding: the signed parameters survive the sign-in round trip unchanged', async () => {
    const { id, xml } = request();
    // An SP with its own valid encoding (lower-case hex): a re-encoding would break the signature.
    const lower = (value: string) => encodeURIComponent(value).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase());
    const query = signTestRedirectQuery(xml, sp, { relayState: 'https://app.example/x?y=1', encode: lower });
    const browser = new BrowserSession(idp.url);
    const first = await browser.request(`${sso()}?${query}`);
    assert.equal(first.status, 303);
    const returnTo = decodeURIComponent(first.location!.split('return=')[1]!);
    assert.equal(returnTo, `${sso()}?${query}`);
    const signIn = await browser.signIn('erin@example.com', 'erin-password', returnTo);
    assert.equal(signIn.status, 303);
    assertAnswered(await browser.request(signIn.location!), id, 'https://app.example/x?y=1');
  });

  test('POST binding: a request with an enveloped signature is answered with InResponseTo', async () => {
    const { id, xml } = request();
    const browser = await signedIn();
    const SAMLRequest = Buffer.from(signTestAuthnRequestXml(xml, sp)).toString('base64');
    assertAnswered(await browser.request(sso(), { form: { SAMLRequest, RelayState: 'rs-post' } }), id, 'rs-post');
  });

  test('POST binding: the signed request survives the sign-in round trip', async () => {
    const { id, xml } = request();
    const browser = new BrowserSession(idp.url);
    const SAMLRequest = Buffer.from(signTestAuthnRequestXml(xml, sp)).toString('base64');
    const first = await browser.request(sso(), { form: { SAMLRequest, RelayState: 'rs-trip' } });
    assert.equal(first.status, 303, first.text);
    const returnTo = decodeURIComponent(first.location!.split('return=')[1]!);
    const signIn = await browser.signIn('erin@example.com', 'erin-password', returnTo);
    assertAnswered(await browser.request(signIn.location!), id, 'rs-trip');
  });

  test('unsigned requests get an error page on both bindings, signed in or not, never a redirect to sign-in', async () => {
    for (const browser of [new BrowserSession(idp.url), await signedIn()]) {
      assertRefused(await browser.request(`${sso()}?SAMLRequest=${encodeURIComponent(deflateForRedirect(request().xml))}`), NOT_SIGNED);
      assertRefused(await browser.request(sso(), { form: { SAMLRequest: Buffer.from(request().xml).toString('base64') } }), NOT_SIGNED);
    }
  });

  test('a request signed with another key gets an error page on both bindings', async () => {
    const browser = await signedIn();
    assertRefused(await browser.request(`${sso()}?${signTestRedirectQuery(request().xml, attacker)}`), NOT_VERIFIED);
    const SAMLRequest = Buffer.from(signTestAuthnRequestXml(request().xml, attacker, { keyInfo: false })).toString('base64');
    assertRefused(await browser.request(sso(), { form: { SAMLRequest } }), NOT_VERIFIED);
  });

  test("a signature by the key in the request's own KeyInfo is not trusted", async () => {
    const signed = signTestAuthnRequestXml(request().xml, attacker, { keyInfo: true });
    assert.match(signed, /<ds:X509Certificate>/);
    assertRefused(await (await signedIn()).request(sso(), { form: { SAMLRequest: Buffer.from(signed).toString('base64') } }), NOT_VERIFIED);
  });

  test('a SAMLRequest changed after signing gets an error page on both bindings', async () => {
    const browser = await signedIn();
    const signed = signTestRedirectQuery(request().xml, sp, { relayState: 'r' });
    const evil = encodeURIComponent(deflateForRedirect(request({ acs: ACS }).xml));
    assertRefused(await browser.request(`${sso()}?${signed.replace(/^SAMLRequest=[^&]*/, `SAMLRequest=${evil}`)}`), NOT_VERIFIED);
    const { xml } = request();
    const tampered = signTestAuthnRequestXml(xml, sp).replace('ProtocolBinding=', 'ForceAuthn="false" ProtocolBinding=');
    assertRefused(await browser.request(sso(), { form: { SAMLRequest: Buffer.from(tampered).toString('base64') } }), NOT_VERIFIED);
  });

  test('RelayState swapped or dropped on a signed redirect gets an error page', async () => {
    const browser = await signedIn();
    const signed = signTestRedirectQuery(request().xml, sp, { relayState: 'mine' });
    assertRefused(await browser.request(`${sso()}?${signed.replace('RelayState=mine', 'RelayState=theirs')}`), NOT_VERIFIED);
    assertRefused(await browser.request(`${sso()}?${signed.replace('RelayState=mine&', '')}`), NOT_VERIFIED);
  });

  test('SigAlg rsa-sha1 is refused while the app uses rsa-sha256, accepted once it is set to rsa-sha1', async () => {
    const browser = await signedIn();
    const { id, xml } = request();
    const query = signTestRedirectQuery(xml, sp, { sigAlg: RSA_SHA1 });
    assertRefused(await browser.request(`${sso()}?${query}`), /SigAlg "http:\/\/www\.w3\.org\/2000\/09\/xmldsig#rsa-sha1" is not accepted/);
    assert.equal((await idp.api('PATCH', `/apps/${appId}`, { signingAlgorithm: 'rsa-sha1' })).status, 200);
    try {
      assertAnswered(await browser.request(`${sso()}?${query}`), id);
    } finally {
      await idp.api('PATCH', `/apps/${appId}`, { signingAlgorithm: 'rsa-sha256' });
    }
  });

  test('settings: required without a certificate, or a certificate that is not usable, are refused naming the field', async () => {
    const other = await idp.api('POST', '/apps', { template: 'generic-saml', displayName: 'Other', identifiers: ['https://o.example/'], replyUrls: ['https://o.example/acs'] });
    const cases: Array<[unknown, string, RegExp]> = [
      [{ authnRequestsSigned: true }, 'authnRequestsSigned', /^authnRequestsSigned: requires at least one certificate in spSigningCertificates$/],
      [{ spSigningCertificates: [sp.certificatePem, 'not a pem'] }, 'spSigningCertificates[1]', /^spSigningCertificates\[1\]: must hold exactly one PEM certificate, found 0$/],
      [{ spSigningCertificates: [`${sp.certificatePem}${sp.certificatePem}`] }, 'spSigningCertificates[0]', /found 2$/],
      [{ spSigningCertificates: [sp.certificatePem.replace(/[A-Za-z]{8}\n/, 'xxxxxxxx\n')] }, 'spSigningCertificates[0]', /is not a valid X\.509 PEM certificate$/],
      [{ spSigningCertificates: Array(11).fill(sp.certificatePem) }, 'spSigningCertificates', /10/],
    ];
    for (const [body, field, message] of cases) {
      const r = await idp.api('PATCH', `/apps/${other.body.id}`, body);
      assert.equal(r.status, 400, JSON.stringify(body).slice(0, 80));
      assert.equal(r.body.error.code, 'ERR_VALIDATION');
      assert.equal(r.body.error.field, field);
      assert.match(r.body.error.message, message);
    }
    const small = await createTestCertificate({ modulusLength: 768 });
    const r = await idp.api('PATCH', `/apps/${other.body.id}`, { spSigningCertificates: [small.certificatePem] });
    assert.equal(r.body.error?.message, 'spSigningCertificates[0]: must hold an RSA key of at least 1024 bits, found 768');
    const ok = await idp.api('PATCH', `/apps/${other.body.id}`, { authnRequestsSigned: true, spSigningCertificates: [sp.certificatePem] });
    assert.equal(ok.status, 200);
    assert.deepEqual([ok.body.authnRequestsSigned, ok.body.spSigningCertificates], [true, [sp.certificatePem]]);
  });
});

describe('IdP: a signature on a request the app does not require to be signed', () => {
  let idp: TestIdp;
  let appId: string;
  let sp: TestSigningKey;
  let attacker: TestSigningKey;
  const SP = 'https://optional-sp.example.test/saml';
  const ACS = 'http://127.0.0.1:9/optional-acs';

  before(async () => {
    [sp, attacker] = await Promise.all([createTestCertificate(), createTestCertificate()]);
    idp = await startTestIdp();
    const user = await idp.api('POST', '/users', { userPrincipalName: 'finn@example.com', displayName: 'Finn', password: 'finn-password' });
    const app = await idp.api('POST', '/apps', { template: 'generic-saml', displayName: 'Optional', identifiers: [SP], replyUrls: [ACS] });
    appId = app.body.id;
    const roles = await idp.api('GET', `/apps/${appId}/roles`);
    await idp.api('POST', `/apps/${appId}/assignments`, { principalId: user.body.id, appRoleId: roles.body.items[0].id });
  });
  after(() => idp.close());

  test('is ignored without SP certificates, verified (and refused if wrong) with them', async () => {
    const browser = new BrowserSession(idp.url);
    await browser.signIn('finn@example.com', 'finn-password');
    const metadata = await (await fetch(`${idp.url}/saml/${appId}/metadata`)).text();
    assert.match(metadata, /WantAuthnRequestsSigned="false"/);
    const xml = buildTestAuthnRequest({ id: '_opt1', issuer: SP, acs: ACS });
    const wrong = signTestRedirectQuery(xml, attacker);
    const wrongPost = Buffer.from(signTestAuthnRequestXml(xml, attacker)).toString('base64');

    assert.equal((await browser.request(`/saml/${appId}/sso?${wrong}`)).status, 200);
    assert.equal((await browser.request(`/saml/${appId}/sso`, { form: { SAMLRequest: wrongPost } })).status, 200);

    assert.equal((await idp.api('PATCH', `/apps/${appId}`, { spSigningCertificates: [sp.certificatePem] })).status, 200);
    const refused = await browser.request(`/saml/${appId}/sso?${wrong}`);
    assert.equal(refused.status, 400);
    assert.match(refused.text, /does not verify/);
    assert.equal((await browser.request(`/saml/${appId}/sso`, { form: { SAMLRequest: wrongPost } })).status, 400);
    assert.equal((await browser.request(`/saml/${appId}/sso?${signTestRedirectQuery(xml, sp)}`)).status, 200);
    assert.equal((await browser.request(`/saml/${appId}/sso?SAMLRequest=${encodeURIComponent(deflateForRedirect(xml))}`)).status, 200);
  });
});
