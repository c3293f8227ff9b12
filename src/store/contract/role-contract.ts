import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { AppRole } from '../../core/model.ts';
import { newId } from '../../core/new-id.ts';
import { isRolegateError } from '../../errors/rolegate-error.ts';
import { assertConflict, type ContractContext } from './assert-store-error.ts';
import { T0, T1, makeApp, makeAssignment, makeGroup, makeRole, makeUser, sortedIds } from './fixtures.ts';

export function defineRoleContract(ctx: ContractContext): void {
  describe('app roles', () => {
    test('insert, get, getByValue, update, delete, scoped to the app', async () => {
      const store = ctx.store();
      const [app, other] = [await store.apps.insert(makeApp()), await store.apps.insert(makeApp())];
      const role = makeRole(app.id, { description: 'read only', enabled: false, origin: 'import' });
      assert.deepEqual(await store.roles.insert(role), role);
      assert.deepEqual(await store.roles.get(app.id, role.id), role);
      assert.equal(await store.roles.get(other.id, role.id), undefined);
      assert.deepEqual(await store.roles.getByValue(app.id, role.value!), role);
      assert.equal(await store.roles.getByValue(other.id, role.value!), undefined);
      assert.equal(await store.roles.getByValue(app.id, role.value!.toUpperCase()), undefined, 'value matches exactly');

      const changed = { ...role, value: 'arn:aws:iam::1:role/B,arn:aws:iam::1:saml-provider/P', displayName: 'B', description: null, enabled: true, origin: 'manual' as const, createdAt: T1, updatedAt: T1 };
      assert.deepEqual(await store.roles.update(changed), { ...changed, createdAt: T0 });
      assert.equal(await store.roles.update({ ...changed, appId: other.id }), undefined);
      assert.equal(await store.roles.update(makeRole(app.id)), undefined);

      assert.equal(await store.roles.delete(other.id, role.id), false);
      assert.equal(await store.roles.delete(app.id, role.id), true);
      assert.equal(await store.roles.get(app.id, role.id), undefined);
    });

    test('value is unique within an app only, and null values never clash', async () => {
      const store = ctx.store();
      const [app, other] = [await store.apps.insert(makeApp()), await store.apps.insert(makeApp())];
      const role = await store.roles.insert(makeRole(app.id));
      await assertConflict(store.roles.insert(makeRole(app.id, { value: role.value })), 'value');
      await store.roles.insert(makeRole(other.id, { value: role.value }));
      await store.roles.insert(makeRole(app.id, { value: null, displayName: 'msiam_access', origin: 'default' }));
      await store.roles.insert(makeRole(app.id, { value: null, displayName: 'msiam_access 2', origin: 'default' }));
      const second = await store.roles.insert(makeRole(app.id));
      await assertConflict(store.roles.update({ ...second, value: role.value }), 'value');
      assert.equal(await store.roles.count(app.id), 4);
      assert.deepEqual(await store.roles.listValues(app.id), new Map([[role.value!, role.id], [second.value!, second.id]]));
    });

    test('list pages by id within the app; count counts the app\'s roles', async () => {
      const store = ctx.store();
      const [app, other] = [await store.apps.insert(makeApp()), await store.apps.insert(makeApp())];
      const roles: AppRole[] = [];
      for (let i = 0; i < 5; i++) roles.push(await store.roles.insert(makeRole(app.id)));
      await store.roles.insert(makeRole(other.id));
      const ids = sortedIds(roles);
      const seen: string[] = [];
      let after: string | undefined;
      let pages = 0;
      do {
        const page = await store.roles.list(app.id, { limit: 2, ...(after === undefined ? {} : { after }) });
        seen.push(...page.items.map((r) => r.id));
        after = page.next;
        pages++;
      } while (after !== undefined);
      assert.deepEqual(seen, ids);
      assert.equal(pages, 3);
      assert.equal(await store.roles.count(app.id), 5);
      assert.equal(await store.roles.count(other.id), 1);
    });

    test('insertMany is all-or-nothing: a duplicate value inserts nothing', async () => {
      const store = ctx.store();
      const app = await store.apps.insert(makeApp());
      const roles = Array.from({ length: 2500 }, () => makeRole(app.id));
      roles.push(makeRole(app.id, { value: roles[10]!.value }));
      await assertConflict(store.roles.insertMany(roles), 'value');
      assert.equal(await store.roles.count(app.id), 0);
      await store.roles.insertMany([]);
      assert.equal(await store.roles.count(app.id), 0);
    });

    test('insertMany stores 20,000 roles on one app, and sign-in finds the assigned ones', async () => {
      const store = ctx.store();
      const app = await store.apps.insert(makeApp());
      const roles = Array.from({ length: 20_000 }, (_, i) =>
        makeRole(app.id, {
          id: newId(Date.parse(T0) + i),
          value: `arn:aws:iam::${String(100000000000 + (i % 500)).padStart(12, '0')}:role/Role${i},arn:aws:iam::${String(100000000000 + (i % 500)).padStart(12, '0')}:saml-provider/rolegate`,
          displayName: `Role${i}`,
          origin: 'import',
        }),
      );
      await store.roles.insertMany(roles);
      assert.equal(await store.roles.count(app.id), 20_000);
      const values = await store.roles.listValues(app.id);
      assert.equal(values.size, 20_000);
      assert.equal(values.get(roles[19_999]!.value!), roles[19_999]!.id);
      assert.deepEqual(await store.roles.get(app.id, roles[12_345]!.id), roles[12_345]);
      const lastPage = await store.roles.list(app.id, { limit: 1000, after: roles[18_999]!.id });
      assert.deepEqual(lastPage.items.map((r) => r.id), roles.slice(19_000).map((r) => r.id));
      assert.equal(lastPage.next, undefined);

      const user = await store.users.insert(makeUser(), null);
      const group = await store.groups.insert(makeGroup());
      for (const i of [5, 17_000, 19_999]) await store.assignments.insert(makeAssignment(roles[i]!, user, 'user'));
      for (const i of [17_000, 2]) await store.assignments.insert(makeAssignment(roles[i]!, group, 'group'));
      const found = await store.assignments.listRolesForPrincipals(app.id, [user.id, group.id]);
      assert.deepEqual(found, [2, 5, 17_000, 19_999].map((i) => roles[i]));
    });

    test('deleting a role deletes its assignments', async () => {
      const store = ctx.store();
      const app = await store.apps.insert(makeApp());
      const [role, kept] = [await store.roles.insert(makeRole(app.id)), await store.roles.insert(makeRole(app.id))];
      const user = await store.users.insert(makeUser(), null);
      await store.assignments.insert(makeAssignment(role, user, 'user'));
      const keptAssignment = await store.assignments.insert(makeAssignment(kept, user, 'user'));
      await store.roles.delete(app.id, role.id);
      assert.deepEqual(await store.assignments.listForPrincipal(user.id, 'user'), [keptAssignment]);
    });

    test('a role of a missing app is refused as ERR_STORE, unexposed', async () => {
      const store = ctx.store();
      await assert.rejects(store.roles.insert(makeRole(newId())), (error: unknown) => {
        assert.ok(isRolegateError(error, 'ERR_STORE'), String(error));
        assert.equal(error.expose, false);
        return true;
      });
    });
  });
}
