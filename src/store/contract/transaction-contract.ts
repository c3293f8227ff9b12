import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isRolegateError } from '../../errors/rolegate-error.ts';
import type { ContractContext } from './assert-store-error.ts';
import { makeApp, makeGroup, makeRole, makeUser } from './fixtures.ts';

export function defineTransactionContract(ctx: ContractContext): void {
  describe('transactions', () => {
    test('commits every write and returns the callback\'s value', async () => {
      const store = ctx.store();
      const user = makeUser();
      const group = makeGroup();
      const result = await store.transaction(async (tx) => {
        await tx.users.insert(user, null);
        await tx.groups.insert(group);
        assert.deepEqual(await tx.users.get(user.id), user, 'reads see the transaction\'s own writes');
        return 42;
      });
      assert.equal(result, 42);
      assert.deepEqual(await store.users.get(user.id), user);
      assert.deepEqual(await store.groups.get(group.id), group);
    });

    test('an error thrown inside rolls every write back and reaches the caller unchanged', async () => {
      const store = ctx.store();
      const existing = await store.users.insert(makeUser(), 'old');
      const failure = new Error('boom');
      const app = makeApp();
      await assert.rejects(
        store.transaction(async (tx) => {
          await tx.users.insert(makeUser(), null);
          await tx.apps.insert(app);
          await tx.roles.insertMany([makeRole(app.id), makeRole(app.id)]);
          await tx.users.setPasswordHash(existing.id, 'new');
          await tx.settings.set('k', 'v');
          throw failure;
        }),
        (error: unknown) => error === failure,
      );
      assert.equal(await store.users.count(), 1);
      assert.equal(await store.users.getPasswordHash(existing.id), 'old');
      assert.equal(await store.apps.get(app.id), undefined);
      assert.equal(await store.roles.count(app.id), 0);
      assert.equal(await store.settings.get('k'), undefined);
    });

    test('nested calls reuse the outer transaction: an inner failure the outer rethrows rolls back both', async () => {
      const store = ctx.store();
      const outer = makeUser();
      const inner = makeUser();
      await assert.rejects(
        store.transaction(async (tx) => {
          await tx.users.insert(outer, null);
          await tx.transaction(async (tx2) => {
            assert.equal(tx2, tx);
            await tx2.users.insert(inner, null);
          });
          assert.deepEqual(await tx.users.get(inner.id), inner);
          throw new Error('abort');
        }),
        /abort/,
      );
      assert.equal(await store.users.get(outer.id), undefined);
      assert.equal(await store.users.get(inner.id), undefined);
    });

    test('calls on the root store inside the callback join the transaction', async () => {
      const store = ctx.store();
      const user = makeUser();
      await assert.rejects(
        store.transaction(async () => {
          await store.users.insert(user, null);
          assert.deepEqual(await store.users.get(user.id), user);
          await store.transaction(async (tx) => {
            await tx.groups.insert(makeGroup());
          });
          throw new Error('abort');
        }),
        /abort/,
      );
      assert.equal(await store.users.get(user.id), undefined);
      assert.deepEqual((await store.groups.list({ limit: 5 })).items, []);
    });

    test('a conflict inside a transaction leaves it usable, on every backend', async () => {
      const store = ctx.store();
      const first = makeUser({ userPrincipalName: 'same@example.com' });
      const after = makeUser();
      await store.transaction(async (tx) => {
        await tx.users.insert(first, null);
        await assert.rejects(tx.users.insert(makeUser({ userPrincipalName: 'SAME@example.com' }), null), (error: unknown) =>
          isRolegateError(error, 'ERR_CONFLICT'),
        );
        const app = await tx.apps.insert(makeApp());
        const role = makeRole(app.id);
        await assert.rejects(tx.roles.insertMany([role, makeRole(app.id, { value: role.value })]), (error: unknown) =>
          isRolegateError(error, 'ERR_CONFLICT'),
        );
        assert.equal(await tx.roles.count(app.id), 0, 'the failed batch left no rows');
        await tx.users.insert(after, null);
      });
      assert.deepEqual(await store.users.get(first.id), first);
      assert.deepEqual(await store.users.get(after.id), after);
      assert.equal(await store.users.count(), 2);
    });

    test('writes outside any transaction are visible at once and stay after a later rollback', async () => {
      const store = ctx.store();
      const kept = await store.users.insert(makeUser(), null);
      await assert.rejects(store.transaction(async (tx) => {
        await tx.users.delete(kept.id);
        throw new Error('abort');
      }), /abort/);
      assert.deepEqual(await store.users.get(kept.id), kept);
    });
  });
}
