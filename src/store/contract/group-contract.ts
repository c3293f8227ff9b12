import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Group, GroupMembership } from '../../core/model.ts';
import { assertConflict, type ContractContext } from './assert-store-error.ts';
import { T0, T1, makeApp, makeAssignment, makeGroup, makeRole, makeUser, sortedIds } from './fixtures.ts';

function membership(group: Group, member: { id: string }, memberType: 'user' | 'group'): GroupMembership {
  return { groupId: group.id, memberId: member.id, memberType, createdAt: T0 };
}

export function defineGroupContract(ctx: ContractContext): void {
  describe('groups', () => {
    test('insert, get, update and delete', async () => {
      const store = ctx.store();
      const group = makeGroup({ description: null });
      assert.deepEqual(await store.groups.insert(group), group);
      assert.deepEqual(await store.groups.get(group.id), group);
      await assertConflict(store.groups.insert(makeGroup({ id: group.id })), 'id');
      const changed = { ...group, displayName: 'Admins', description: 'all admins', createdAt: T1, updatedAt: T1 };
      assert.deepEqual(await store.groups.update(changed), { ...changed, createdAt: T0 });
      assert.equal(await store.groups.update(makeGroup()), undefined);
      assert.equal(await store.groups.delete(group.id), true);
      assert.equal(await store.groups.get(group.id), undefined);
      assert.equal(await store.groups.delete(group.id), false);
    });

    test('list pages by id', async () => {
      const store = ctx.store();
      const groups = [];
      for (let i = 0; i < 3; i++) groups.push(await store.groups.insert(makeGroup()));
      const ids = sortedIds(groups);
      const first = await store.groups.list({ limit: 2 });
      assert.deepEqual(first.items.map((g) => g.id), ids.slice(0, 2));
      const second = await store.groups.list({ limit: 2, after: first.next! });
      assert.deepEqual(second.items.map((g) => g.id), ids.slice(2));
      assert.equal(second.next, undefined);
    });

    test('members: add, conflict on a repeat, list paged by member id, remove', async () => {
      const store = ctx.store();
      const group = await store.groups.insert(makeGroup());
      const child = await store.groups.insert(makeGroup());
      const users = [await store.users.insert(makeUser(), null), await store.users.insert(makeUser(), null)];
      const added = membership(group, users[0]!, 'user');
      assert.deepEqual(await store.groups.addMember(added), added);
      await store.groups.addMember(membership(group, users[1]!, 'user'));
      await store.groups.addMember(membership(group, child, 'group'));
      await assertConflict(store.groups.addMember({ ...added, createdAt: T1 }), 'memberId');

      const memberIds = [users[0]!.id, users[1]!.id, child.id].sort();
      const first = await store.groups.listMembers(group.id, { limit: 2 });
      assert.deepEqual(first.items.map((m) => m.memberId), memberIds.slice(0, 2));
      const second = await store.groups.listMembers(group.id, { limit: 2, after: first.next! });
      assert.deepEqual(second.items.map((m) => m.memberId), memberIds.slice(2));
      assert.equal(second.next, undefined);
      assert.deepEqual(
        [...first.items, ...second.items].find((m) => m.memberId === child.id),
        membership(group, child, 'group'),
      );
      assert.deepEqual((await store.groups.listMembers(child.id, { limit: 5 })).items, []);

      assert.equal(await store.groups.removeMember(group.id, users[0]!.id), true);
      assert.equal(await store.groups.removeMember(group.id, users[0]!.id), false);
      assert.equal((await store.groups.listMembers(group.id, { limit: 5 })).items.length, 2);
    });

    test('listParentGroupIds returns the direct parents of any of the members, once each', async () => {
      const store = ctx.store();
      const [top, middle, side, unrelated] = [
        await store.groups.insert(makeGroup()),
        await store.groups.insert(makeGroup()),
        await store.groups.insert(makeGroup()),
        await store.groups.insert(makeGroup()),
      ] as [Group, Group, Group, Group];
      const user = await store.users.insert(makeUser(), null);
      const other = await store.users.insert(makeUser(), null);
      await store.groups.addMember(membership(middle, user, 'user'));
      await store.groups.addMember(membership(side, user, 'user'));
      await store.groups.addMember(membership(top, middle, 'group'));
      await store.groups.addMember(membership(side, other, 'user'));
      await store.groups.addMember(membership(unrelated, top, 'group'));

      assert.deepEqual(await store.groups.listParentGroupIds([user.id]), [middle.id, side.id].sort());
      assert.deepEqual(await store.groups.listParentGroupIds([user.id, other.id, user.id]), [middle.id, side.id].sort());
      assert.deepEqual(await store.groups.listParentGroupIds([middle.id, side.id]), [top.id]);
      assert.deepEqual(await store.groups.listParentGroupIds([]), []);
      assert.deepEqual(await store.groups.listParentGroupIds(['0'.repeat(26)]), []);
    });

    test('listParentGroupIds takes thousands of member ids', async () => {
      const store = ctx.store();
      const group = await store.groups.insert(makeGroup());
      const user = await store.users.insert(makeUser(), null);
      await store.groups.addMember(membership(group, user, 'user'));
      const many = Array.from({ length: 12_000 }, (_, i) => `missing-${i}`);
      many.push(user.id);
      assert.deepEqual(await store.groups.listParentGroupIds(many), [group.id]);
    });

    test('delete removes its memberships in both directions and its assignments', async () => {
      const store = ctx.store();
      const [parent, group, child] = [
        await store.groups.insert(makeGroup()),
        await store.groups.insert(makeGroup()),
        await store.groups.insert(makeGroup()),
      ] as [Group, Group, Group];
      const user = await store.users.insert(makeUser(), null);
      await store.groups.addMember(membership(parent, group, 'group'));
      await store.groups.addMember(membership(group, child, 'group'));
      await store.groups.addMember(membership(group, user, 'user'));
      await store.groups.addMember(membership(parent, user, 'user'));
      const app = await store.apps.insert(makeApp());
      const role = await store.roles.insert(makeRole(app.id));
      await store.assignments.insert(makeAssignment(role, group, 'group'));
      const kept = await store.assignments.insert(makeAssignment(role, user, 'user'));

      assert.equal(await store.groups.delete(group.id), true);
      assert.deepEqual((await store.groups.listMembers(parent.id, { limit: 10 })).items.map((m) => m.memberId), [user.id]);
      assert.deepEqual(await store.groups.listParentGroupIds([child.id, user.id]), [parent.id]);
      assert.deepEqual(await store.assignments.listForPrincipal(group.id, 'group'), []);
      assert.deepEqual((await store.assignments.list(app.id, { limit: 10 })).items, [kept]);
      assert.deepEqual(await store.groups.get(child.id), child);
    });
  });
}
