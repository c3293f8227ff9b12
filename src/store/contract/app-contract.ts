import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertConflict, type ContractContext } from './assert-store-error.ts';
import { T0, T1, makeApp, makeAssignment, makeCertificate, makeRole, makeUser, sortedIds } from './fixtures.ts';

export function defineAppContract(ctx: ContractContext): void {
  describe('apps', () => {
    test('insert and get keep lists, claims, booleans and nulls exactly', async () => {
      const store = ctx.store();
      const app = makeApp({ visibleInMyApps: false, sessionDuration: null, signOnUrl: 'https://x.test/start', relayState: null });
      assert.deepEqual(await store.apps.insert(app), app);
      assert.deepEqual(await store.apps.get(app.id), app);
      assert.equal(await store.apps.get('0'.repeat(26)), undefined);
      await assertConflict(store.apps.insert(makeApp({ id: app.id })), 'id');
    });

    test('update replaces every field but id and createdAt', async () => {
      const store = ctx.store();
      const app = await store.apps.insert(makeApp());
      const changed = {
        ...app,
        template: 'generic-saml' as const,
        displayName: 'Renamed',
        enabled: false,
        identifiers: ['https://sp.example/'],
        replyUrls: [],
        claims: [],
        sessionDuration: 43200,
        signingScope: 'both' as const,
        signingAlgorithm: 'rsa-sha1' as const,
        nameIdFormat: 'emailAddress' as const,
        nameIdSource: 'mail',
        createdAt: T1,
        updatedAt: T1,
      };
      assert.deepEqual(await store.apps.update(changed), { ...changed, createdAt: T0 });
      assert.deepEqual(await store.apps.get(app.id), { ...changed, createdAt: T0 });
      assert.equal(await store.apps.update(makeApp()), undefined);
    });

    test('list pages by id and listAll returns every app in id order', async () => {
      const store = ctx.store();
      const apps = [await store.apps.insert(makeApp()), await store.apps.insert(makeApp()), await store.apps.insert(makeApp())];
      const ids = sortedIds(apps);
      const first = await store.apps.list({ limit: 2 });
      assert.deepEqual(first.items.map((a) => a.id), ids.slice(0, 2));
      const second = await store.apps.list({ limit: 2, after: first.next! });
      assert.deepEqual(second.items.map((a) => a.id), ids.slice(2));
      assert.equal(second.next, undefined);
      assert.deepEqual((await store.apps.listAll()).map((a) => a.id), ids);
    });

    test('delete removes its roles, assignments and certificates, not other apps\'', async () => {
      const store = ctx.store();
      const [app, other] = [await store.apps.insert(makeApp()), await store.apps.insert(makeApp())];
      const user = await store.users.insert(makeUser(), null);
      for (const a of [app, other]) {
        const role = await store.roles.insert(makeRole(a.id));
        await store.assignments.insert(makeAssignment(role, user, 'user'));
        const cert = makeCertificate(a.id);
        await store.certificates.insert(cert, { certificateId: cert.id, sealedKey: 'v1.x.y' });
      }
      const [cert] = await store.certificates.listForApp(app.id);
      assert.equal(await store.apps.delete(app.id), true);
      assert.equal(await store.apps.delete(app.id), false);
      assert.equal(await store.roles.count(app.id), 0);
      assert.deepEqual((await store.assignments.list(app.id, { limit: 5 })).items, []);
      assert.deepEqual(await store.certificates.listForApp(app.id), []);
      assert.equal(await store.certificates.getSealedKey(cert!.id), undefined);
      assert.equal(await store.roles.count(other.id), 1);
      assert.equal((await store.assignments.list(other.id, { limit: 5 })).items.length, 1);
      assert.equal((await store.certificates.listForApp(other.id)).length, 1);
      assert.deepEqual(await store.assignments.listAppIdsForPrincipals([user.id]), [other.id]);
    });
  });

  describe('certificates', () => {
    test('insert, get, list, sealed key apart, status, delete, all scoped to the app', async () => {
      const store = ctx.store();
      const [app, other] = [await store.apps.insert(makeApp()), await store.apps.insert(makeApp())];
      const active = makeCertificate(app.id);
      const staged = makeCertificate(app.id, { status: 'staged', serialNumber: '0d' });
      assert.deepEqual(await store.certificates.insert(active, { certificateId: active.id, sealedKey: 'v1.a.b' }), active);
      await store.certificates.insert(staged, { certificateId: staged.id, sealedKey: 'v1.c.d' });
      // The staged one: re-inserting the active one would also clash on the one-active index.
      await assertConflict(store.certificates.insert(staged, { certificateId: staged.id, sealedKey: 'v1.c.d' }), 'id');
      await assert.rejects(store.certificates.insert(makeCertificate(app.id), { certificateId: active.id, sealedKey: 'x' }), TypeError);

      assert.deepEqual(await store.certificates.get(app.id, active.id), active);
      assert.ok(!('sealedKey' in (await store.certificates.get(app.id, active.id))!));
      assert.equal(await store.certificates.get(other.id, active.id), undefined);
      assert.deepEqual(await store.certificates.listForApp(app.id), [active, staged].sort((a, b) => (a.id < b.id ? -1 : 1)));
      assert.deepEqual(await store.certificates.getSealedKey(staged.id), { certificateId: staged.id, sealedKey: 'v1.c.d' });
      assert.equal(await store.certificates.getSealedKey('0'.repeat(26)), undefined);

      // One active certificate per app (migration 0003): demote the active one first.
      assert.deepEqual(await store.certificates.setStatus(app.id, active.id, 'staged'), { ...active, status: 'staged' });
      assert.deepEqual(await store.certificates.setStatus(app.id, staged.id, 'active'), { ...staged, status: 'active' });
      assert.equal(await store.certificates.setStatus(other.id, staged.id, 'inactive'), undefined);
      assert.equal((await store.certificates.get(app.id, staged.id))!.status, 'active');

      assert.equal(await store.certificates.delete(other.id, active.id), false);
      assert.equal(await store.certificates.delete(app.id, active.id), true);
      assert.equal(await store.certificates.getSealedKey(active.id), undefined);
      assert.deepEqual(await store.certificates.listForApp(app.id), [{ ...staged, status: 'active' }]);
    });
  });
}
