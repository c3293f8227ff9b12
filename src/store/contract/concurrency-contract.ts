import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { setCertificateStatus } from '../../core/apps/certificates.ts';
import type { CoreContext } from '../../core/core-context.ts';
import { addGroupMember } from '../../core/directory/groups.ts';
import { resolveTransitiveGroupIds } from '../../core/directory/resolve-transitive-groups.ts';
import type { Group } from '../../core/model.ts';
import type { Store } from '../../core/ports/store.ts';
import { isRolegateError } from '../../errors/rolegate-error.ts';
import { assertConflict, type ContractContext } from './assert-store-error.ts';
import { makeApp, makeCertificate, makeGroup } from './fixtures.ts';

const ROUNDS = 5;

/** The core rules below need only the store and the clock. */
function coreOver(store: Store): CoreContext {
  const unused = (): never => {
    throw new TypeError('not used by these rules');
  };
  return {
    store,
    passwords: { hash: unused, verify: unused } as unknown as CoreContext['passwords'],
    secrets: { seal: unused, open: unused },
    certificates: { create: unused },
    templates: new Map(),
    publicUrl: 'http://127.0.0.1:8080',
    now: () => new Date(),
  };
}

/** Every rejection must be a clean conflict: never a raw database error or ERR_STORE. */
function rejectionsAreConflicts(results: PromiseSettledResult<unknown>[]): number {
  let fulfilled = 0;
  for (const result of results) {
    if (result.status === 'fulfilled') fulfilled++;
    else assert.ok(isRolegateError(result.reason, 'ERR_CONFLICT'), `expected ERR_CONFLICT, got ${String(result.reason)}`);
  }
  return fulfilled;
}

/**
 * Invariants that one process keeping to the rules cannot break, but concurrent writers
 * (several nodes, or parallel requests on one pool) could, unless the store serialises
 * them. Each test really races: many operations at once, several rounds.
 */
export function defineConcurrencyContract(ctx: ContractContext): void {
  describe('concurrent writers', () => {
    test('the store refuses a second active certificate for one app (ERR_CONFLICT on status)', async () => {
      const store = ctx.store();
      const app = await store.apps.insert(makeApp());
      const first = makeCertificate(app.id, { status: 'active' });
      await store.certificates.insert(first, { certificateId: first.id, sealedKey: 'v1.a.b' });
      const second = makeCertificate(app.id, { status: 'active' });
      await assertConflict(store.certificates.insert(second, { certificateId: second.id, sealedKey: 'v1.c.d' }), 'status');
      const staged = makeCertificate(app.id, { status: 'staged' });
      await store.certificates.insert(staged, { certificateId: staged.id, sealedKey: 'v1.e.f' });
      await assertConflict(store.certificates.setStatus(app.id, staged.id, 'active'), 'status');
      // Another app has its own active certificate.
      const other = await store.apps.insert(makeApp());
      const theirs = makeCertificate(other.id, { status: 'active' });
      await store.certificates.insert(theirs, { certificateId: theirs.id, sealedKey: 'v1.g.h' });
    });

    test('activating several staged certificates at once leaves exactly one active', async () => {
      const store = ctx.store();
      const core = coreOver(store);
      const app = await store.apps.insert(makeApp());
      const active = makeCertificate(app.id, { status: 'active' });
      await store.certificates.insert(active, { certificateId: active.id, sealedKey: 'v1.a.b' });
      for (let i = 0; i < 6; i++) {
        const staged = makeCertificate(app.id, { status: 'staged' });
        await store.certificates.insert(staged, { certificateId: staged.id, sealedKey: 'v1.c.d' });
      }
      for (let round = 0; round < ROUNDS; round++) {
        const staged = (await store.certificates.listForApp(app.id)).filter((c) => c.status === 'staged');
        const results = await Promise.allSettled(staged.map((c) => setCertificateStatus(core, app.id, c.id, { status: 'active' })));
        rejectionsAreConflicts(results);
        const statuses = (await store.certificates.listForApp(app.id)).map((c) => c.status);
        assert.equal(statuses.filter((s) => s === 'active').length, 1, `round ${round}: ${statuses.join(', ')}`);
      }
    });

    test('adding A to B and B to A at once never makes a cycle', async () => {
      const store = ctx.store();
      const core = coreOver(store);
      for (let round = 0; round < ROUNDS * 2; round++) {
        const [a, b] = [await store.groups.insert(makeGroup()), await store.groups.insert(makeGroup())] as [Group, Group];
        const results = await Promise.allSettled([addGroupMember(core, a.id, { id: b.id }), addGroupMember(core, b.id, { id: a.id })]);
        assert.equal(rejectionsAreConflicts(results), 1, `round ${round}: exactly one of the two may land`);
      }
    });

    test('closing a ring of groups from every side at once leaves no group inside itself', async () => {
      const store = ctx.store();
      const core = coreOver(store);
      for (let round = 0; round < ROUNDS; round++) {
        const ring: Group[] = [];
        for (let i = 0; i < 5; i++) ring.push(await store.groups.insert(makeGroup()));
        const results = await Promise.allSettled(ring.map((g, i) => addGroupMember(core, g.id, { id: ring[(i + 1) % ring.length]!.id })));
        assert.equal(rejectionsAreConflicts(results), ring.length - 1, `round ${round}`);
        for (const group of ring) {
          assert.ok(!(await resolveTransitiveGroupIds(store.groups, [group.id])).includes(group.id), `round ${round}: a cycle through ${group.id}`);
        }
      }
    });
  });
}
