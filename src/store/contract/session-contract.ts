import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertConflict, type ContractContext } from './assert-store-error.ts';
import { T0, T1, makeSession, makeToken, makeUser } from './fixtures.ts';

export function defineSessionContract(ctx: ContractContext): void {
  describe('api tokens', () => {
    test('insert, getByHash, touch, list in id order, delete; the hash is unique', async () => {
      const store = ctx.store();
      const token = makeToken();
      assert.deepEqual(await store.tokens.insert(token), token);
      assert.deepEqual(await store.tokens.getByHash(token.tokenHash), token);
      assert.equal(await store.tokens.getByHash(token.tokenHash.toUpperCase()), undefined);
      await assertConflict(store.tokens.insert(makeToken({ tokenHash: token.tokenHash })), 'tokenHash');
      await store.tokens.touch(token.id, T1);
      assert.deepEqual(await store.tokens.getByHash(token.tokenHash), { ...token, lastUsedAt: T1 });
      const second = await store.tokens.insert(makeToken());
      assert.deepEqual((await store.tokens.list()).map((t) => t.id), [token.id, second.id].sort());
      assert.equal(await store.tokens.delete(token.id), true);
      assert.equal(await store.tokens.delete(token.id), false);
      assert.deepEqual(await store.tokens.list(), [second]);
    });
  });

  describe('sso sessions', () => {
    test('insert, getByHash, delete; the hash is unique', async () => {
      const store = ctx.store();
      const user = await store.users.insert(makeUser(), null);
      const session = makeSession(user.id);
      assert.deepEqual(await store.sessions.insert(session), session);
      assert.deepEqual(await store.sessions.getByHash(session.tokenHash), session);
      await assertConflict(store.sessions.insert(makeSession(user.id, { tokenHash: session.tokenHash })), 'tokenHash');
      assert.equal(await store.sessions.delete(session.id), true);
      assert.equal(await store.sessions.delete(session.id), false);
      assert.equal(await store.sessions.getByHash(session.tokenHash), undefined);
    });

    test('deleteForUser ends every session of one user and no other', async () => {
      const store = ctx.store();
      const user = await store.users.insert(makeUser(), null);
      const other = await store.users.insert(makeUser(), null);
      await store.sessions.insert(makeSession(user.id));
      await store.sessions.insert(makeSession(user.id));
      const kept = await store.sessions.insert(makeSession(other.id));
      assert.equal(await store.sessions.deleteForUser(user.id), 2);
      assert.equal(await store.sessions.deleteForUser(user.id), 0);
      assert.deepEqual(await store.sessions.getByHash(kept.tokenHash), kept);
    });

    test('deleteExpired deletes sessions expiring at or before now and counts them', async () => {
      const store = ctx.store();
      const user = await store.users.insert(makeUser(), null);
      const past = await store.sessions.insert(makeSession(user.id, { expiresAt: '2030-01-02T03:04:04.999Z' }));
      const exact = await store.sessions.insert(makeSession(user.id, { expiresAt: '2030-01-02T03:04:05.000Z' }));
      const future = await store.sessions.insert(makeSession(user.id, { expiresAt: '2030-01-02T03:04:05.001Z' }));
      assert.equal(await store.sessions.deleteExpired(T0), 2);
      assert.equal(await store.sessions.getByHash(past.tokenHash), undefined);
      assert.equal(await store.sessions.getByHash(exact.tokenHash), undefined);
      assert.deepEqual(await store.sessions.getByHash(future.tokenHash), future);
      assert.equal(await store.sessions.deleteExpired(T0), 0);
    });
  });

  describe('settings', () => {
    test('get is undefined until set; set overwrites', async () => {
      const store = ctx.store();
      assert.equal(await store.settings.get('admin.bootstrapped'), undefined);
      await store.settings.set('admin.bootstrapped', 'true');
      await store.settings.set('other', '');
      assert.equal(await store.settings.get('admin.bootstrapped'), 'true');
      await store.settings.set('admin.bootstrapped', 'false');
      assert.equal(await store.settings.get('admin.bootstrapped'), 'false');
      assert.equal(await store.settings.get('other'), '');
    });
  });
}
