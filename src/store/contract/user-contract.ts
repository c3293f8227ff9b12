import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertConflict, type ContractContext } from './assert-store-error.ts';
import { T1, makeApp, makeAssignment, makeGroup, makeRole, makeSession, makeUser, sortedIds } from './fixtures.ts';

export function defineUserContract(ctx: ContractContext): void {
  describe('users', () => {
    test('insert returns the user and get reads every field back', async () => {
      const store = ctx.store();
      const user = makeUser({ mail: null, enabled: false, attributes: { department: 'Ops', 'x-ü': 'ü' } });
      assert.deepEqual(await store.users.insert(user, 'hash'), user);
      assert.deepEqual(await store.users.get(user.id), user);
      assert.equal(await store.users.get('0'.repeat(26)), undefined);
    });

    test('getByPrincipalName ignores case', async () => {
      const store = ctx.store();
      const user = await store.users.insert(makeUser({ userPrincipalName: 'Alice.Smith@Example.com' }), null);
      assert.deepEqual(await store.users.getByPrincipalName('alice.smith@example.COM'), user);
      assert.equal(await store.users.getByPrincipalName('alice.smit@example.com'), undefined);
    });

    test('a clash on userPrincipalName (in any case) or id is ERR_CONFLICT naming the field', async () => {
      const store = ctx.store();
      const user = await store.users.insert(makeUser({ userPrincipalName: 'bob@example.com' }), null);
      await assertConflict(store.users.insert(makeUser({ userPrincipalName: 'BOB@example.com' }), null), 'userPrincipalName');
      await assertConflict(store.users.insert(makeUser({ id: user.id }), null), 'id');
      assert.equal(await store.users.count(), 1);
    });

    test('password hashes are stored apart from the user', async () => {
      const store = ctx.store();
      const user = await store.users.insert(makeUser(), '$argon2id$v=19$first');
      assert.equal(await store.users.getPasswordHash(user.id), '$argon2id$v=19$first');
      assert.equal(await store.users.setPasswordHash(user.id, '$argon2id$v=19$second'), true);
      assert.equal(await store.users.getPasswordHash(user.id), '$argon2id$v=19$second');
      assert.equal(await store.users.setPasswordHash(user.id, null), true);
      assert.equal(await store.users.getPasswordHash(user.id), null);
      assert.equal(await store.users.getPasswordHash('0'.repeat(26)), undefined);
      assert.equal(await store.users.setPasswordHash('0'.repeat(26), 'x'), false);
      assert.ok(!('passwordHash' in (await store.users.get(user.id))!));
    });

    test('update changes every field but id and createdAt, and keeps the password hash', async () => {
      const store = ctx.store();
      const user = await store.users.insert(makeUser(), 'hash');
      const changed = {
        ...user,
        userPrincipalName: 'renamed@example.com',
        displayName: 'Renamed',
        mail: null,
        enabled: false,
        attributes: { costCenter: '42' },
        createdAt: T1,
        updatedAt: T1,
      };
      const expected = { ...changed, createdAt: user.createdAt };
      assert.deepEqual(await store.users.update(changed), expected);
      assert.deepEqual(await store.users.get(user.id), expected);
      assert.equal(await store.users.getPasswordHash(user.id), 'hash');
      assert.equal(await store.users.update(makeUser()), undefined);
      const other = await store.users.insert(makeUser(), null);
      await assertConflict(store.users.update({ ...other, userPrincipalName: 'RENAMED@example.com' }), 'userPrincipalName');
    });

    test('delete removes the user with its memberships, assignments and sessions, and nothing else', async () => {
      const store = ctx.store();
      const [alice, bob] = [await store.users.insert(makeUser(), null), await store.users.insert(makeUser(), null)];
      const group = await store.groups.insert(makeGroup());
      const app = await store.apps.insert(makeApp());
      const role = await store.roles.insert(makeRole(app.id));
      for (const user of [alice, bob]) {
        await store.groups.addMember({ groupId: group.id, memberId: user.id, memberType: 'user', createdAt: user.createdAt });
        await store.assignments.insert(makeAssignment(role, user, 'user'));
      }
      const aliceSession = await store.sessions.insert(makeSession(alice.id));
      const bobSession = await store.sessions.insert(makeSession(bob.id));

      assert.equal(await store.users.delete(alice.id), true);
      assert.equal(await store.users.get(alice.id), undefined);
      assert.equal(await store.users.delete(alice.id), false);
      assert.deepEqual((await store.groups.listMembers(group.id, { limit: 10 })).items.map((m) => m.memberId), [bob.id]);
      assert.deepEqual(await store.assignments.listForPrincipal(alice.id, 'user'), []);
      assert.equal((await store.assignments.listForPrincipal(bob.id, 'user')).length, 1);
      assert.equal(await store.sessions.getByHash(aliceSession.tokenHash), undefined);
      assert.deepEqual(await store.sessions.getByHash(bobSession.tokenHash), bobSession);
    });

    test('list pages by id with a cursor, and next only when more rows exist', async () => {
      const store = ctx.store();
      const users = [];
      for (let i = 0; i < 5; i++) users.push(await store.users.insert(makeUser(), null));
      const ids = sortedIds(users);
      const first = await store.users.list({ limit: 2 });
      assert.deepEqual(first.items.map((u) => u.id), ids.slice(0, 2));
      assert.equal(typeof first.next, 'string');
      const second = await store.users.list({ limit: 2, after: first.next! });
      assert.deepEqual(second.items.map((u) => u.id), ids.slice(2, 4));
      const third = await store.users.list({ limit: 2, after: second.next! });
      assert.deepEqual(third.items.map((u) => u.id), ids.slice(4));
      assert.ok(!('next' in third));
      const exact = await store.users.list({ limit: 5 });
      assert.equal(exact.items.length, 5);
      assert.ok(!('next' in exact), 'no next when the page ends exactly at the last row');
      assert.deepEqual(exact.items[0], users.find((u) => u.id === ids[0]));
      await assert.rejects(store.users.list({ limit: 0 }), TypeError);
      await assert.rejects(store.users.list({ limit: 1.5 }), TypeError);
    });

    test('list search matches principal name, display name or mail, ignoring case, with LIKE wildcards literal', async () => {
      const store = ctx.store();
      const carol = await store.users.insert(makeUser({ userPrincipalName: 'carol@example.com', displayName: 'Carol King', mail: null }), null);
      const dave = await store.users.insert(makeUser({ userPrincipalName: 'dave@example.com', displayName: 'Dave 100%_sure', mail: 'd.k@corp.test' }), null);
      await store.users.insert(makeUser({ userPrincipalName: 'erin@example.com', displayName: 'Erin', mail: 'erin@corp.test' }), null);
      const ids = async (search: string) => (await store.users.list({ limit: 10 }, { search })).items.map((u) => u.id);
      assert.deepEqual(await ids('CAROL'), [carol.id]);
      assert.deepEqual(await ids('king'), [carol.id]);
      assert.deepEqual(await ids('D.K@'), [dave.id]);
      assert.deepEqual(await ids('100%_'), [dave.id]);
      assert.deepEqual(await ids('%'), [dave.id]);
      assert.deepEqual(await ids('_'), [dave.id]);
      assert.deepEqual(await ids('nobody'), []);
      assert.equal((await store.users.list({ limit: 10 }, { search: '' })).items.length, 3);
      assert.equal(await store.users.count(), 3);
    });
  });
}
