import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { startTestIdp, type TestIdp } from './support/start-test-idp.ts';

const SEED_001 = JSON.parse(readFileSync(new URL('./fixtures/seed-001-app-roles.json', import.meta.url), 'utf8'));
const role = (account: string, name: string) => `arn:aws:iam::${account}:role/${name},arn:aws:iam::${account}:saml-provider/WAAD`;

/** One IdP for the file; each describe imports into an app of its own, so their roles never meet. */
let idp: TestIdp;
before(async () => {
  idp = await startTestIdp();
});
after(() => idp.close());

function appForImports() {
  let appId = '';
  before(async () => {
    appId = (await idp.api('POST', '/apps', { template: 'aws', displayName: 'AWS' })).body.id;
  });
  return {
    appId: () => appId,
    importRoles: (body: unknown) => idp.api('POST', `/apps/${appId}/roles/import`, body),
  };
}

describe('admin API: role import input is Graph appRoles JSON, checked strictly', () => {
  const { appId: currentApp, importRoles } = appForImports();
  const roleCount = async () => (await idp.api('GET', `/apps/${currentApp()}/roles`)).body.items.length;

  test("seed 001's document, with every Graph appRole field, imports in both accepted shapes", async () => {
    const imported = await importRoles(SEED_001);
    assert.equal(imported.status, 200, JSON.stringify(imported.body));
    assert.deepEqual(imported.body, { received: 3, added: 2, updated: 0, unchanged: 0, skipped: 1 });
    const bare = await importRoles(SEED_001.appRoles);
    assert.deepEqual(bare.body, { received: 3, added: 0, updated: 0, unchanged: 2, skipped: 1 });
  });

  test('a wrong field names its path, in the shape that was sent', async () => {
    const before = await roleCount();
    const cases: Array<[unknown, string, RegExp]> = [
      [{ appRoles: [{ displayName: 1, value: 'x' }] }, 'appRoles[0].displayName', /expected string/],
      [{ roles: [] }, 'appRoles', /expected array/],
      [{ appRoles: [{ displayName: 'A', value: role('111111111111', 'A'), isEnabled: 'yes' }] }, 'appRoles[0].isEnabled', /expected boolean/],
      [{ appRoles: [{ displayName: 'A', value: role('111111111111', 'A'), allowedMemberTypes: 'User' }] }, 'appRoles[0].allowedMemberTypes', /expected array/],
      [[{ displayName: 'A', value: role('111111111111', 'A') }, { displayName: 'B', value: 7 }], '[1].value', /expected string/],
      [[{ displayName: 'B', value: 'arn:aws:iam::111111111111:role/x' }], '[0].value', /./],
    ];
    for (const [body, field, message] of cases) {
      const r = await importRoles(body);
      assert.equal(r.status, 400, JSON.stringify(body));
      assert.equal(r.body.error.code, 'ERR_VALIDATION');
      assert.equal(r.body.error.field, field, r.body.error.message);
      assert.ok(r.body.error.message.startsWith(`${field}: `), r.body.error.message);
      assert.match(r.body.error.message, message);
      assert.doesNotMatch(r.body.error.message, /^Invalid input$/);
    }
    assert.equal(await roleCount(), before, 'nothing written');
  });

  test('unknown fields are refused, not silently dropped', async () => {
    const before = await roleCount();
    const misspelt = await importRoles({ appRoles: [{ displayName: 'Off', value: role('111111111111', 'Off'), isEnabeld: false }], extra: 1 });
    assert.equal(misspelt.status, 400, JSON.stringify(misspelt.body));
    assert.equal(misspelt.body.error.field, 'appRoles[0].isEnabeld');
    assert.equal(misspelt.body.error.message, 'appRoles[0].isEnabeld: unknown field');
    const extra = await importRoles({ appRoles: [], extra: 1 });
    assert.equal(extra.status, 400);
    assert.equal(extra.body.error.message, 'extra: unknown field');
    assert.equal(await roleCount(), before, 'nothing written');
  });

  test('a body that is neither shape says what is expected', async () => {
    for (const body of ['appRoles', 42, null]) {
      const r = await importRoles(body);
      assert.equal(r.status, 400, JSON.stringify(body));
      assert.match(r.body.error.message, /appRoles/);
    }
  });
});

describe('admin API: role import updates only the fields an entry carries', () => {
  const { appId: currentApp, importRoles } = appForImports();
  const roleByValue = async (value: string) =>
    (await idp.api('GET', `/apps/${currentApp()}/roles`)).body.items.find((r: { value: string | null }) => r.value === value);

  test('a role the admin disabled stays disabled, and its description stays, when an entry leaves them out', async () => {
    const value = role('111111111111', 'Admin');
    assert.deepEqual((await importRoles({ appRoles: [{ displayName: 'Admin', description: 'full access', value }] })).body, {
      received: 1, added: 1, updated: 0, unchanged: 0, skipped: 0,
    });
    const added = await roleByValue(value);
    assert.equal(added.enabled, true, 'a new role is enabled by default');
    assert.equal(added.description, 'full access');
    assert.equal((await idp.api('PATCH', `/apps/${currentApp()}/roles/${added.id}`, { enabled: false })).status, 200);

    const again = await importRoles({ appRoles: [{ displayName: 'Admin', value }] });
    assert.deepEqual(again.body, { received: 1, added: 0, updated: 0, unchanged: 1, skipped: 0 });
    const kept = await roleByValue(value);
    assert.equal(kept.enabled, false, 'not re-enabled');
    assert.equal(kept.description, 'full access', 'not wiped');

    const renamed = await importRoles([{ displayName: 'Administrators', value }]);
    assert.deepEqual(renamed.body, { received: 1, added: 0, updated: 1, unchanged: 0, skipped: 0 });
    assert.deepEqual(
      (({ displayName, description, enabled }) => ({ displayName, description, enabled }))(await roleByValue(value)),
      { displayName: 'Administrators', description: 'full access', enabled: false },
    );
  });

  test('fields an entry does carry are applied, null description included', async () => {
    const value = role('111111111111', 'Audit');
    await importRoles([{ displayName: 'Audit', description: 'read logs', isEnabled: true, value }]);
    const r = await importRoles([{ displayName: 'Audit', description: null, isEnabled: false, value }]);
    assert.deepEqual(r.body, { received: 1, added: 0, updated: 1, unchanged: 0, skipped: 0 });
    const audit = await roleByValue(value);
    assert.equal(audit.description, null);
    assert.equal(audit.enabled, false);
  });

  test('a new role without description or isEnabled gets the defaults; the same file again changes nothing', async () => {
    const appRoles = [
      { displayName: 'Dev', value: role('222222222222', 'Dev') },
      { displayName: 'Ops', description: 'on call', isEnabled: false, value: role('222222222222', 'Ops') },
    ];
    assert.deepEqual((await importRoles({ appRoles })).body, { received: 2, added: 2, updated: 0, unchanged: 0, skipped: 0 });
    const dev = await roleByValue(role('222222222222', 'Dev'));
    assert.equal(dev.enabled, true);
    assert.equal(dev.description, null);
    assert.equal((await roleByValue(role('222222222222', 'Ops'))).enabled, false);
    for (let i = 0; i < 2; i++) {
      assert.deepEqual((await importRoles({ appRoles })).body, { received: 2, added: 0, updated: 0, unchanged: 2, skipped: 0 });
    }
  });
});
