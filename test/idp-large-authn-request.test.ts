import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { BrowserSession, formValue } from './support/browser-session.ts';
import { startTestIdp, type TestIdp } from './support/start-test-idp.ts';

const SP = 'https://sp.example.test/saml/metadata';
const ACS = 'http://127.0.0.1:9/acs';

describe('IdP: an AuthnRequest too large to carry through sign-in', () => {
  let idp: TestIdp;
  let appId: string;

  before(async () => {
    idp = await startTestIdp();
    const user = await idp.api('POST', '/users', { userPrincipalName: 'sam@example.com', displayName: 'Sam', password: 'sam-password-1' });
    const app = await idp.api('POST', '/apps', { template: 'generic-saml', displayName: 'Wiki', identifiers: [SP], replyUrls: [ACS] });
    appId = app.body.id;
    const msiam = (await idp.api('GET', `/apps/${appId}/roles`)).body.items.find((r: { value: string | null }) => r.value === null);
    assert.equal((await idp.api('POST', `/apps/${appId}/assignments`, { principalId: user.body.id, appRoleId: msiam.id })).status, 201);
  });
  after(() => idp.close());

  /** A POST-binding AuthnRequest carrying `padding` bytes of incompressible Extensions. */
  function largeRequest(padding: number): string {
    const blob = randomBytes(padding).toString('base64');
    const xml =
      `<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ` +
      `ID="_large1" Version="2.0" IssueInstant="${new Date().toISOString()}" AssertionConsumerServiceURL="${ACS}">` +
      `<saml:Issuer>${SP}</saml:Issuer><samlp:Extensions><x:Blob xmlns:x="urn:example:blob">${blob}</x:Blob></samlp:Extensions>` +
      `</samlp:AuthnRequest>`;
    return Buffer.from(xml).toString('base64');
  }

  test('without a session: a clear error page, not a redirect that silently loses the request', async () => {
    const r = await new BrowserSession(idp.url).request(`/saml/${appId}/sso`, { form: { SAMLRequest: largeRequest(12_000) } });
    assert.equal(r.location, null, 'no redirect to a sign-in that would come back to My Apps');
    assert.equal(r.status, 413);
    assert.match(r.text, /too large to carry through sign-in/);
    assert.match(r.text, /sign in to rolegate first/i);
  });

  test('with a session the same request is answered, as no detour is needed', async () => {
    const browser = new BrowserSession(idp.url);
    assert.equal((await browser.signIn('sam@example.com', 'sam-password-1')).status, 303);
    const r = await browser.request(`/saml/${appId}/sso`, { form: { SAMLRequest: largeRequest(12_000) } });
    assert.equal(r.status, 200, r.text);
    assert.match(Buffer.from(formValue(r.text, 'SAMLResponse'), 'base64').toString('utf8'), /InResponseTo="_large1"/);
  });

  test('a return path over the limit handed to the sign-in page is refused, not replaced by My Apps', async () => {
    const browser = new BrowserSession(idp.url);
    const r = await browser.request(`/signin?return=${encodeURIComponent(`/saml/${appId}/sso?SAMLRequest=${'A'.repeat(9000)}`)}`);
    assert.equal(r.status, 413);
    assert.doesNotMatch(r.text, /name="return" value="\/"/);
  });

  test('a request that fits still goes through sign-in and back', async () => {
    const browser = new BrowserSession(idp.url);
    const first = await browser.request(`/saml/${appId}/sso`, { form: { SAMLRequest: largeRequest(3_000) } });
    assert.equal(first.status, 303);
    const returnTo = new URL(first.location!, idp.url).searchParams.get('return')!;
    assert.match(returnTo, new RegExp(`^/saml/${appId}/sso\\?SAMLRequest=`));
    const signIn = await browser.signIn('sam@example.com', 'sam-password-1', returnTo);
    assert.equal(signIn.location, returnTo);
    const answer = await browser.request(signIn.location!);
    assert.equal(answer.status, 200, answer.text);
  });
});
