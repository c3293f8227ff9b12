import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertConflict, type ContractContext } from './assert-store-error.ts';
import { makeApp, makeAssignment, makeGroup, makeRole, makeUser, sortedIds } from './fixtures.ts';

export function defineAssignmentContract(ctx: ContractContext): void {
  describe('assignments', () => {
    test('insert, get, delete, scoped to the app; a repeat is ERR_CONFLICT on principalId', async () => {
      const store = ctx.store();
      const [app, other] = [await store.apps.insert(makeApp()), await store.apps.insert(makeApp())];
      const role = await store.roles.insert(makeRole(app.id));
      const user = await store.users.insert(makeUser(), null);
      const assignment = makeAssignment(role, user, 'user');
      assert.deepEqual(await store.assignments.insert(assignment), assignment);
      assert.deepEqual(await store.assignments.get(app.id, assignment.id), assignment);
      assert.equal(await store.assignments.get(other.id, assignment.id), undefined);
      await assertConflict(store.assignments.insert(makeAssignment(role, user, 'user')), 'principalId');
      await assertConflict(store.assignments.insert({ ...makeAssignment(role, user, 'group'), id: assignment.id, principalId: 'x' }), 'id');
      assert.equal(await store.assignments.delete(other.id, assignment.id), false);
      assert.equal(await store.assignments.delete(app.id, assignment.id), true);
      assert.equal(await store.assignments.get(app.id, assignment.id), undefined);
      await store.assignments.insert(makeAssignment(role, user, 'user'));
    });

    test('list pages by id within the app', async () => {
      const store = ctx.store();
      const app = await store.apps.insert(makeApp());
      const role = await store.roles.insert(makeRole(app.id));
      const made = [];
      for (let i = 0; i < 3; i++) made.push(await store.assignments.insert(makeAssignment(role, await store.users.insert(makeUser(), null), 'user')));
      const ids = sortedIds(made);
      const first = await store.assignments.list(app.id, { limit: 2 });
      assert.deepEqual(first.items.map((a) => a.id), ids.slice(0, 2));
      const second = await store.assignments.list(app.id, { limit: 2, after: first.next! });
      assert.deepEqual(second.items.map((a) => a.id), ids.slice(2));
      assert.equal(second.next, undefined);
    });

    test('listRolesForPrincipals: roles of this app held by any principal, once each, enabled or not', async () => {
      const store = ctx.store();
      const [app, other] = [await store.apps.insert(makeApp()), await store.apps.insert(makeApp())];
      const [r1, r2, r3] = [
        await store.roles.insert(makeRole(app.id)),
        await store.roles.insert(makeRole(app.id, { enabled: false })),
        await store.roles.insert(makeRole(app.id)),
      ];
      const otherRole = await store.roles.insert(makeRole(other.id));
      const user = await store.users.insert(makeUser(), null);
      const group = await store.groups.insert(makeGroup());
      const stranger = await store.users.insert(makeUser(), null);
      await store.assignments.insert(makeAssignment(r1, user, 'user'));
      await store.assignments.insert(makeAssignment(r1, group, 'group'));
      await store.assignments.insert(makeAssignment(r2, group, 'group'));
      await store.assignments.insert(makeAssignment(r3, stranger, 'user'));
      await store.assignments.insert(makeAssignment(otherRole, user, 'user'));

      const expected = [r1, r2].sort((a, b) => (a.id < b.id ? -1 : 1));
      assert.deepEqual(await store.assignments.listRolesForPrincipals(app.id, [user.id, group.id]), expected);
      assert.deepEqual(await store.assignments.listRolesForPrincipals(app.id, [user.id]), [r1]);
      assert.deepEqual(await store.assignments.listRolesForPrincipals(app.id, []), []);
      assert.deepEqual(await store.assignments.listRolesForPrincipals(other.id, [group.id]), []);
      // Thousands of principal ids (deep group nesting, many groups) still answer exactly.
      const many = Array.from({ length: 12_000 }, (_, i) => `group-${i}`);
      many.splice(7000, 0, group.id);
      many.push(user.id, user.id);
      assert.deepEqual(await store.assignments.listRolesForPrincipals(app.id, many), expected);
    });

    test('listAppIdsForPrincipals and listForPrincipal', async () => {
      const store = ctx.store();
      const [a1, a2, a3] = [await store.apps.insert(makeApp()), await store.apps.insert(makeApp()), await store.apps.insert(makeApp())];
      const [r1, r1b, r2, r3] = [
        await store.roles.insert(makeRole(a1.id)),
        await store.roles.insert(makeRole(a1.id)),
        await store.roles.insert(makeRole(a2.id)),
        await store.roles.insert(makeRole(a3.id)),
      ];
      const user = await store.users.insert(makeUser(), null);
      const group = await store.groups.insert(makeGroup());
      const x1 = await store.assignments.insert(makeAssignment(r1, user, 'user'));
      const x2 = await store.assignments.insert(makeAssignment(r1b, user, 'user'));
      await store.assignments.insert(makeAssignment(r2, group, 'group'));
      await store.assignments.insert(makeAssignment(r3, await store.users.insert(makeUser(), null), 'user'));
      assert.deepEqual(await store.assignments.listAppIdsForPrincipals([user.id, group.id]), [a1.id, a2.id].sort());
      assert.deepEqual(await store.assignments.listAppIdsForPrincipals([user.id]), [a1.id]);
      assert.deepEqual(await store.assignments.listAppIdsForPrincipals([]), []);
      assert.deepEqual(await store.assignments.listForPrincipal(user.id, 'user'), [x1, x2].sort((a, b) => (a.id < b.id ? -1 : 1)));
      assert.deepEqual(await store.assignments.listForPrincipal(user.id, 'group'), []);
    });
  });
}
