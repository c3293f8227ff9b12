import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { AssumeRoleWithSAMLCommand } from '@aws-sdk/client-sts';
import { GetRoleCommand, ListRolesCommand } from '@aws-sdk/client-iam';
import type { Browser } from 'playwright-core';
import { seedDemo } from '../src/cli/demo/seed-demo.ts';
import type { App } from '../src/core/model.ts';
import { launchChromium } from './support/launch-chromium.ts';
import { startTestIdp, type TestIdp } from './support/start-test-idp.ts';
import { startTestSandbox, type TestSandbox } from './support/start-test-sandbox.ts';

/**
 * The whole flow the demo shows, against the real parts: the IdP and the sandbox over HTTP,
 * Chromium clicking through My Apps and AWS's role chooser, and the official STS client.
 */
describe('demo: IdP → AWS sandbox, end to end', () => {
  let idp: TestIdp;
  let aws: TestSandbox;
  let app: App;
  let browser: Browser;

  before(async () => {
    aws = await startTestSandbox({ config: { accounts: [] }, seedDefaultAccount: false });
    idp = await startTestIdp();
    ({ app } = await seedDemo({ ctx: idp.ctx, sandbox: aws.sandbox.admin, sandboxUrl: aws.sandbox.url, idpUrl: idp.url }));
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await idp?.close();
    await aws?.close();
  });

  test('seeding twice reuses the first run', async () => {
    const again = await seedDemo({ ctx: idp.ctx, sandbox: aws.sandbox.admin, sandboxUrl: aws.sandbox.url, idpUrl: idp.url });
    assert.equal(again.created, false);
    assert.equal(again.app.id, app.id);
  });

  test('seeding again for a sandbox on another port moves the reply URL and every trust policy there', async () => {
    const moved = await startTestSandbox({ keepDataDir: aws.dataDir, config: { accounts: [] }, seedDefaultAccount: false });
    try {
      // The second sandbox shares the first one's state directory, as a restart on another SANDBOX_PORT would.
      const again = await seedDemo({ ctx: idp.ctx, sandbox: moved.sandbox.admin, sandboxUrl: moved.sandbox.url, idpUrl: idp.url });
      assert.deepEqual([again.created, again.app.id, again.app.replyUrls], [false, app.id, [`${moved.sandbox.url}/saml`]]);
      const role = await moved.iam(moved.sandbox.admin.getRootCredentials('222222222222')).send(new GetRoleCommand({ RoleName: 'Developer' }));
      assert.match(decodeURIComponent(role.Role?.AssumeRolePolicyDocument ?? ''), new RegExp(`"SAML:aud":"${moved.sandbox.url}/saml"`));
    } finally {
      await moved.close();
      // And back, for the tests that follow.
      await seedDemo({ ctx: idp.ctx, sandbox: aws.sandbox.admin, sandboxUrl: aws.sandbox.url, idpUrl: idp.url });
    }
  });

  test('in Chromium: bob (developers ⊂ engineering) picks a role on the chooser and lands in the console', async () => {
    const page = await browser.newPage();
    await page.goto(`${idp.url}/`);
    await page.fill('#username', 'bob@acme.example');
    await page.fill('#password', 'bob-demo-password');
    await page.click('button[type=submit]');
    await page.waitForSelector('.tile');
    await Promise.all([page.waitForURL(`${aws.sandbox.url}/saml`), page.click('.tile')]);
    const chooser = await page.textContent('body');
    // Two roles, one through each level of nesting, grouped by account like AWS's page.
    assert.match(chooser ?? '', /acme-dev \(222222222222\)/);
    assert.match(chooser ?? '', /acme-prod \(111111111111\)/);
    const radios = await page.$$eval('input[type=radio]', (els) => els.map((e) => (e as HTMLInputElement).value));
    assert.deepEqual(radios.map((v) => v.split(',')[0]).sort(), ['arn:aws:iam::111111111111:role/ReadOnly', 'arn:aws:iam::222222222222:role/Developer']);
    await page.check('input[value^="arn:aws:iam::222222222222:role/Developer"]');
    await Promise.all([page.waitForLoadState('load'), page.click('button[type=submit]')]);
    await page.waitForSelector('h1.ok');
    const consoleText = await page.textContent('body');
    assert.match(consoleText ?? '', /acme-dev \(222222222222\)/);
    assert.match(consoleText ?? '', /arn:aws:sts::222222222222:assumed-role\/Developer\/bob@acme\.example/);
    // bob's department, sent as a session tag (PrincipalTag:Department).
    assert.match(consoleText ?? '', /Department\s*=?\s*Engineering/);
    await page.close();
  });

  test('AssumeRoleWithSAML through the official STS client, then signed calls with the temporary credentials', async () => {
    const preview = await idp.api('GET', `/apps/${app.id}/saml/preview?user=alice@acme.example`);
    assert.equal(preview.status, 200, JSON.stringify(preview.body));
    const roles: string[] = preview.body.attributes.find((a: { name: string }) => a.name.endsWith('/Role')).values;
    assert.equal(roles.length, 3, 'alice is Admin in all three accounts');
    const [roleArn, principalArn] = roles.find((r) => r.includes(':222222222222:'))!.split(',');
    const sts = aws.sts();
    const assumed = await sts.send(new AssumeRoleWithSAMLCommand({ RoleArn: roleArn, PrincipalArn: principalArn, SAMLAssertion: preview.body.samlResponse, DurationSeconds: 7200 }));
    assert.equal(assumed.AssumedRoleUser?.Arn, 'arn:aws:sts::222222222222:assumed-role/Admin/alice@acme.example');
    assert.equal(assumed.Issuer, `${idp.url}/saml/${app.id}`);
    const credentials = { accessKeyId: assumed.Credentials!.AccessKeyId!, secretAccessKey: assumed.Credentials!.SecretAccessKey!, sessionToken: assumed.Credentials!.SessionToken! };
    const me = await aws.sts(credentials).send(new GetCallerIdentityCommand({}));
    assert.equal(me.Account, '222222222222');
    const listed = await aws.iam(credentials).send(new ListRolesCommand({}));
    assert.deepEqual(listed.Roles?.map((r) => r.RoleName).sort(), ['Admin', 'Developer', 'ReadOnly']);

    // The sandbox refuses a role paired with another account's provider: the Role attribute has no such pair.
    await assert.rejects(
      sts.send(new AssumeRoleWithSAMLCommand({ RoleArn: 'arn:aws:iam::222222222222:role/Admin', PrincipalArn: 'arn:aws:iam::111111111111:saml-provider/rolegate', SAMLAssertion: preview.body.samlResponse })),
      (error: Error & { name: string }) => {
        assert.equal(error.name, 'AccessDenied');
        assert.match(error.message, /^Not authorized to perform sts:AssumeRoleWithSAML: the pair arn:aws:iam::222222222222:role\/Admin,arn:aws:iam::111111111111:saml-provider\/rolegate is not in the SAML response's Role attribute .* \[rolegate check: check-role-attribute\]$/);
        return true;
      },
    );
  });
});
