import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { BrowserSession, formAction } from './support/browser-session.ts';
import { startTestIdp, type TestIdp } from './support/start-test-idp.ts';

const SIGN_ON_URL = 'https://wiki.example.test/login?from=rolegate&tenant=a';

describe('My Apps: a tile starts at the app sign-on URL when one is set', () => {
  let idp: TestIdp;
  let withUrl: string;
  let withoutUrl: string;

  before(async () => {
    idp = await startTestIdp();
    const user = await idp.api('POST', '/users', { userPrincipalName: 'kim@example.com', displayName: 'Kim', password: 'kim-password-1' });
    const mkApp = async (displayName: string, n: number, extra: Record<string, unknown>) => {
      const app = await idp.api('POST', '/apps', {
        template: 'generic-saml', displayName, identifiers: [`https://sp${n}.example.test`], replyUrls: [`https://sp${n}.example.test/acs`], ...extra,
      });
      assert.equal(app.status, 201, JSON.stringify(app.body));
      const msiam = (await idp.api('GET', `/apps/${app.body.id}/roles`)).body.items.find((r: { value: string | null }) => r.value === null);
      assert.equal((await idp.api('POST', `/apps/${app.body.id}/assignments`, { principalId: user.body.id, appRoleId: msiam.id })).status, 201);
      return app.body.id as string;
    };
    withUrl = await mkApp('Wiki', 1, { signOnUrl: SIGN_ON_URL });
    withoutUrl = await mkApp('Tracker', 2, {});
  });
  after(() => idp.close());

  async function signedIn() {
    const browser = new BrowserSession(idp.url);
    assert.equal((await browser.signIn('kim@example.com', 'kim-password-1')).status, 303);
    return browser;
  }

  const tileHref = (page: string, appId: string) => {
    const match = new RegExp(`<a class="tile" href="([^"]*)" data-app-id="${appId}">`).exec(page);
    assert.ok(match, `a tile for ${appId}`);
    return match[1];
  };

  test('the tile links to signOnUrl (SP-initiated) when set, else to /apps/{id}/launch', async () => {
    const browser = await signedIn();
    const home = await browser.request('/');
    assert.equal(home.status, 200);
    assert.equal(tileHref(home.text, withUrl), SIGN_ON_URL);
    assert.equal(tileHref(home.text, withoutUrl), `/apps/${withoutUrl}/launch`);
  });

  test('/apps/{id}/launch stays IdP-initiated for an app with a sign-on URL', async () => {
    const browser = await signedIn();
    const launch = await browser.request(`/apps/${withUrl}/launch`);
    assert.equal(launch.status, 200, launch.text);
    assert.equal(formAction(launch.text), 'https://sp1.example.test/acs');
  });

  test('clearing signOnUrl brings the launch link back', async () => {
    assert.equal((await idp.api('PATCH', `/apps/${withUrl}`, { signOnUrl: null })).status, 200);
    try {
      const home = await (await signedIn()).request('/');
      assert.equal(tileHref(home.text, withUrl), `/apps/${withUrl}/launch`);
    } finally {
      await idp.api('PATCH', `/apps/${withUrl}`, { signOnUrl: SIGN_ON_URL });
    }
  });
});
