import assert from 'node:assert/strict';
import { deflateRawSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import { DOMParser } from '@xmldom/xmldom';
import { BrowserSession, formAction, formValue } from './support/browser-session.ts';
import { startTestIdp, type TestIdp } from './support/start-test-idp.ts';

const SP = 'https://sp.example.test/saml/metadata';
const ACS = 'http://127.0.0.1:9/acs';
const PROTOCOL = 'urn:oasis:names:tc:SAML:2.0:protocol';
const ASSERTION = 'urn:oasis:names:tc:SAML:2.0:assertion';
const samlInstant = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

describe('IdP: ForceAuthn and IsPassive on SP-initiated sign-in (saml-core §3.4.1)', () => {
  let idp: TestIdp;
  let appId: string;
  // The IdP's clock, moved by the tests: sessions, IssueInstant checks and responses all read it.
  let clock = Date.parse('2026-03-01T12:00:00.000Z');

  before(async () => {
    idp = await startTestIdp({ now: () => new Date(clock) });
    const user = await idp.api('POST', '/users', { userPrincipalName: 'dana@example.com', displayName: 'Dana', password: 'dana-password' });
    const app = await idp.api('POST', '/apps', { template: 'generic-saml', displayName: 'Wiki', identifiers: [SP], replyUrls: [ACS] });
    appId = app.body.id;
    const msiam = (await idp.api('GET', `/apps/${appId}/roles`)).body.items.find((r: { value: string | null }) => r.value === null);
    assert.equal((await idp.api('POST', `/apps/${appId}/assignments`, { principalId: user.body.id, appRoleId: msiam.id })).status, 201);
  });
  after(() => idp.close());

  function ssoPath(options: { id: string; issueInstant: number; forceAuthn?: boolean; isPassive?: boolean; relayState?: string; nameIdFormat?: string }) {
    const xml =
      `<samlp:AuthnRequest xmlns:samlp="${PROTOCOL}" xmlns:saml="${ASSERTION}" ID="${options.id}" Version="2.0" ` +
      `IssueInstant="${samlInstant(options.issueInstant)}" AssertionConsumerServiceURL="${ACS}"` +
      (options.forceAuthn ? ' ForceAuthn="true"' : '') +
      (options.isPassive ? ' IsPassive="true"' : '') +
      `><saml:Issuer>${SP}</saml:Issuer>` +
      (options.nameIdFormat === undefined ? '' : `<samlp:NameIDPolicy Format="${options.nameIdFormat}" AllowCreate="true"/>`) +
      `</samlp:AuthnRequest>`;
    const params = new URLSearchParams({ SAMLRequest: deflateRawSync(Buffer.from(xml)).toString('base64') });
    if (options.relayState !== undefined) params.set('RelayState', options.relayState);
    return `/saml/${appId}/sso?${params}`;
  }

  async function signedIn() {
    const browser = new BrowserSession(idp.url);
    assert.equal((await browser.signIn('dana@example.com', 'dana-password')).status, 303);
    return browser;
  }

  /** The SAML response in an auto-submitting form, parsed. */
  function responseOf(page: { status: number; text: string }) {
    assert.equal(page.status, 200, page.text);
    assert.equal(formAction(page.text), ACS);
    const xml = Buffer.from(formValue(page.text, 'SAMLResponse'), 'base64').toString('utf8');
    const doc = new DOMParser().parseFromString(xml, 'text/xml');
    const codes = Array.from(doc.getElementsByTagNameNS(PROTOCOL, 'StatusCode')).map((el) => el.getAttribute('Value'));
    const authnInstant = doc.getElementsByTagNameNS(ASSERTION, 'AuthnStatement')[0]?.getAttribute('AuthnInstant') ?? undefined;
    return { xml, root: doc.documentElement!, codes, authnInstant, assertions: doc.getElementsByTagNameNS(ASSERTION, 'Assertion').length };
  }

  test('a session older than the request: a fresh sign-in, even while signed in, then the response', async () => {
    const browser = await signedIn();
    clock += 60_000;
    const issueInstant = clock - 30_000;
    const first = await browser.request(ssoPath({ id: '_force1', issueInstant, forceAuthn: true, relayState: 'r1' }));
    assert.equal(first.status, 303, first.text);
    const signInUrl = new URL(first.location!, idp.url);
    assert.equal(signInUrl.pathname, '/signin');
    const page = await browser.request(`${signInUrl.pathname}${signInUrl.search}`);
    assert.equal(page.status, 200, 'the sign-in form is shown although the browser has a session');
    assert.match(page.text, /sign in again/i);
    const returnTo = formValue(page.text, 'return');
    assert.equal(returnTo, signInUrl.searchParams.get('return'));

    clock += 5_000;
    const signIn = await browser.signIn('dana@example.com', 'dana-password', returnTo);
    assert.equal(signIn.location, returnTo);
    const answer = responseOf(await browser.request(returnTo));
    assert.deepEqual(answer.codes, ['urn:oasis:names:tc:SAML:2.0:status:Success']);
    assert.equal(answer.root.getAttribute('InResponseTo'), '_force1');
    assert.equal(answer.authnInstant, samlInstant(clock), 'AuthnInstant is the fresh sign-in');
  });

  test('a session authenticated at or after the IssueInstant satisfies ForceAuthn at once', async () => {
    const browser = await signedIn();
    const answer = responseOf(await browser.request(ssoPath({ id: '_force2', issueInstant: clock, forceAuthn: true })));
    assert.deepEqual(answer.codes, ['urn:oasis:names:tc:SAML:2.0:status:Success']);
    assert.equal(answer.root.getAttribute('InResponseTo'), '_force2');
  });

  test('an SP clock ahead of ours: one fresh sign-in is enough, no loop back to sign-in', async () => {
    const browser = await signedIn();
    clock += 10_000;
    const first = await browser.request(ssoPath({ id: '_ahead', issueInstant: clock + 120_000, forceAuthn: true }));
    assert.equal(first.status, 303);
    const returnTo = new URL(first.location!, idp.url).searchParams.get('return')!;
    clock += 1_000;
    await browser.signIn('dana@example.com', 'dana-password', returnTo);
    const answer = responseOf(await browser.request(returnTo));
    assert.deepEqual(answer.codes, ['urn:oasis:names:tc:SAML:2.0:status:Success']);
    assert.equal(answer.root.getAttribute('InResponseTo'), '_ahead');
  });

  test('the note of when a request arrived is honoured only for that request, and cannot be forged', async () => {
    // The note is made before the user signs in; it would satisfy any later request if it were not bound to its own.
    const browser = new BrowserSession(idp.url);
    const early = ssoPath({ id: '_early', issueInstant: clock + 120_000, forceAuthn: true });
    const returnTo = new URL((await browser.request(early)).location!, idp.url).searchParams.get('return')!;
    const note = new URL(returnTo, idp.url).searchParams.get('rolegate_received');
    assert.ok(note, 'the return path carries the sealed arrival time');
    clock += 5_000;
    assert.equal((await browser.signIn('dana@example.com', 'dana-password')).status, 303);

    const late = ssoPath({ id: '_late', issueInstant: clock + 120_000, forceAuthn: true });
    for (const attempt of [`${late}&rolegate_received=${note}`, `${late}&rolegate_received=${samlInstant(clock - 60_000)}`]) {
      const r = await browser.request(attempt);
      assert.equal(r.status, 303, r.text);
      assert.match(r.location ?? '', /^\/signin\?/);
    }
    const own = responseOf(await browser.request(returnTo));
    assert.equal(own.root.getAttribute('InResponseTo'), '_early', 'its own request accepts it');
  });

  test('IsPassive without a session: a NoPassive response to the ACS, not a sign-in page', async () => {
    const page = await new BrowserSession(idp.url).request(ssoPath({ id: '_passive1', issueInstant: clock, isPassive: true, relayState: 'back/here' }));
    assert.equal(page.location, null);
    const answer = responseOf(page);
    assert.deepEqual(answer.codes, ['urn:oasis:names:tc:SAML:2.0:status:Responder', 'urn:oasis:names:tc:SAML:2.0:status:NoPassive']);
    assert.equal(answer.root.localName, 'Response');
    assert.equal(answer.root.getAttribute('InResponseTo'), '_passive1');
    assert.equal(answer.root.getAttribute('Destination'), ACS);
    assert.equal(answer.root.getElementsByTagNameNS(ASSERTION, 'Issuer')[0]?.textContent, `${idp.url}/saml/${appId}`);
    assert.equal(answer.assertions, 0, 'no assertion');
    assert.equal(formValue(page.text, 'RelayState'), 'back/here');
  });

  test('IsPassive with a session is answered as usual; with ForceAuthn and an older session it is NoPassive', async () => {
    const browser = await signedIn();
    const ok = responseOf(await browser.request(ssoPath({ id: '_passive2', issueInstant: clock, isPassive: true })));
    assert.deepEqual(ok.codes, ['urn:oasis:names:tc:SAML:2.0:status:Success']);
    clock += 60_000;
    const both = responseOf(await browser.request(ssoPath({ id: '_passive3', issueInstant: clock - 1_000, isPassive: true, forceAuthn: true })));
    assert.deepEqual(both.codes, ['urn:oasis:names:tc:SAML:2.0:status:Responder', 'urn:oasis:names:tc:SAML:2.0:status:NoPassive']);
    assert.equal(both.assertions, 0);
  });

  test('IsPassive never answers an ACS that is not the app’s', async () => {
    const xml =
      `<samlp:AuthnRequest xmlns:samlp="${PROTOCOL}" xmlns:saml="${ASSERTION}" ID="_evil" Version="2.0" IssueInstant="${samlInstant(clock)}" ` +
      `AssertionConsumerServiceURL="https://evil.example/acs" IsPassive="true"><saml:Issuer>${SP}</saml:Issuer></samlp:AuthnRequest>`;
    const r = await new BrowserSession(idp.url).request(`/saml/${appId}/sso?SAMLRequest=${encodeURIComponent(deflateRawSync(Buffer.from(xml)).toString('base64'))}`);
    assert.equal(r.status, 400);
    assert.doesNotMatch(r.text, /SAMLResponse/);
  });

  test('a NameIDPolicy asking for another Format is answered InvalidNameIDPolicy, before any sign-in', async () => {
    const anonymous = new BrowserSession(idp.url);
    const refused = responseOf(await anonymous.request(ssoPath({ id: '_policy1', issueInstant: clock, relayState: 'rp', nameIdFormat: 'urn:oasis:names:tc:SAML:2.0:nameid-format:transient' })));
    assert.deepEqual(refused.codes, ['urn:oasis:names:tc:SAML:2.0:status:Requester', 'urn:oasis:names:tc:SAML:2.0:status:InvalidNameIDPolicy']);
    assert.equal(refused.root.getAttribute('InResponseTo'), '_policy1');
    assert.equal(refused.assertions, 0);

    // The app sends emailAddress NameIDs (the generic template's default): asking for that, or for unspecified, signs in as usual.
    const browser = await signedIn();
    for (const format of ['urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress', 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified']) {
      const answer = responseOf(await browser.request(ssoPath({ id: '_policy2', issueInstant: clock, nameIdFormat: format })));
      assert.deepEqual(answer.codes, ['urn:oasis:names:tc:SAML:2.0:status:Success'], format);
    }
  });
});
