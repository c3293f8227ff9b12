import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import pg from 'pg';
import { setCertificateStatus } from '../core/apps/certificates.ts';
import type { CoreContext } from '../core/core-context.ts';
import { addGroupMember } from '../core/directory/groups.ts';
import type { Group } from '../core/model.ts';
import type { Store } from '../core/ports/store.ts';
import { isRolegateError } from '../errors/rolegate-error.ts';
import { makeApp, makeCertificate, makeGroup, makeUser } from './contract/fixtures.ts';
import { openStore } from './open-store.ts';
import { defineStoreContract } from './store-contract.ts';

/**
 * Runs the store contract on a real PostgreSQL. Every opened store gets its own fresh
 * schema (rolegate_test_<random>), dropped at the end, so parallel runs never collide.
 * Unreachable PostgreSQL fails the run under CI and skips it elsewhere.
 */
const url = process.env.ROLEGATE_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function reachable(): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return undefined;
  } catch (error) {
    return `PostgreSQL at ROLEGATE_TEST_DATABASE_URL is unreachable (${(error as { code?: string }).code ?? String(error)})`;
  } finally {
    await client.end().catch(() => {});
  }
}

const unreachable = await reachable();
const inCi = !['', '0', 'false'].includes((process.env.CI ?? '').toLowerCase());

if (unreachable !== undefined && inCi) {
  test('PostgreSQL store contract', () => {
    assert.fail(`${unreachable}; CI must run the PostgreSQL contract`);
  });
} else if (unreachable !== undefined) {
  test('PostgreSQL store contract', { skip: `${unreachable}; set ROLEGATE_TEST_DATABASE_URL to run it` }, () => {});
} else {
  const dataRoot = mkdtempSync(join(tmpdir(), 'rolegate-pg-store-'));
  const schemas: string[] = [];
  const newSchema = () => {
    const schema = `rolegate_test_${randomBytes(6).toString('hex')}`;
    schemas.push(schema);
    return schema;
  };
  after(async () => {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      for (const schema of schemas) await admin.query(`drop schema if exists "${schema}" cascade`);
    } finally {
      await admin.end();
    }
    rmSync(dataRoot, { recursive: true, force: true });
  });

  defineStoreContract('postgres', () => openStore({ dataDir: dataRoot, databaseUrl: url, schema: newSchema() }));

  describe('openStore on PostgreSQL', () => {
    test('nodes starting at once on one empty schema migrate it once and all work', async () => {
      const schema = newSchema();
      const stores: Store[] = await Promise.all(
        Array.from({ length: 4 }, () => openStore({ dataDir: dataRoot, databaseUrl: url, schema })),
      );
      try {
        const user = await stores[0]!.users.insert(makeUser(), null);
        for (const store of stores) assert.deepEqual(await store.users.get(user.id), user);
        const admin = new pg.Client({ connectionString: url });
        await admin.connect();
        try {
          const { rows } = await admin.query(`select name from "${schema}".kysely_migration`);
          assert.deepEqual(rows, [{ name: '0001-initial' }, { name: '0002-authn-request-signing' }, { name: '0003-one-active-certificate' }]);
        } finally {
          await admin.end();
        }
      } finally {
        await Promise.all(stores.map((s) => s.close()));
      }
    });

    test('nodes on one schema activating certificates and nesting groups at once: one active, no cycle', async () => {
      const schema = newSchema();
      const nodes: Store[] = await Promise.all(Array.from({ length: 4 }, () => openStore({ dataDir: dataRoot, databaseUrl: url, schema })));
      const core = (store: Store) => ({ store, now: () => new Date() }) as CoreContext;
      try {
        const [first] = nodes as [Store];
        const app = await first.apps.insert(makeApp());
        const active = makeCertificate(app.id, { status: 'active' });
        await first.certificates.insert(active, { certificateId: active.id, sealedKey: 'v1.a.b' });
        for (let i = 0; i < nodes.length; i++) {
          const staged = makeCertificate(app.id, { status: 'staged' });
          await first.certificates.insert(staged, { certificateId: staged.id, sealedKey: 'v1.c.d' });
        }
        for (let round = 0; round < 5; round++) {
          const staged = (await first.certificates.listForApp(app.id)).filter((c) => c.status === 'staged');
          await Promise.all(staged.map((c, i) => setCertificateStatus(core(nodes[i % nodes.length]!), app.id, c.id, { status: 'active' })));
          const statuses = (await first.certificates.listForApp(app.id)).map((c) => c.status);
          assert.equal(statuses.filter((s) => s === 'active').length, 1, `round ${round}: ${statuses.join(', ')}`);

          const ring: Group[] = [];
          for (let i = 0; i < nodes.length; i++) ring.push(await first.groups.insert(makeGroup()));
          const added = await Promise.allSettled(ring.map((g, i) => addGroupMember(core(nodes[i]!), g.id, { id: ring[(i + 1) % ring.length]!.id })));
          const refused = added.filter((r) => r.status === 'rejected');
          assert.equal(refused.length, 1, `round ${round}: exactly one nesting must close the ring and be refused`);
          assert.ok(isRolegateError((refused[0] as PromiseRejectedResult).reason, 'ERR_CONFLICT'));
        }
      } finally {
        await Promise.all(nodes.map((s) => s.close()));
      }
    });

    test('each schema holds its own data', async () => {
      const [a, b] = [newSchema(), newSchema()];
      const storeA = await openStore({ dataDir: dataRoot, databaseUrl: url, schema: a });
      const storeB = await openStore({ dataDir: dataRoot, databaseUrl: url, schema: b });
      try {
        const user = await storeA.users.insert(makeUser(), null);
        assert.equal(await storeB.users.get(user.id), undefined);
        assert.equal(await storeB.users.count(), 0);
      } finally {
        await storeA.close();
        await storeB.close();
      }
    });

    test('refuses a schema name that is not a plain identifier', async () => {
      await assert.rejects(openStore({ dataDir: dataRoot, databaseUrl: url, schema: 'x; drop table users' }), (error: unknown) =>
        isRolegateError(error, 'ERR_CONFIG') && error.field === 'schema',
      );
    });

    test('an unreachable server is ERR_STORE without the URL in the message', async () => {
      const bad = 'postgres://rolegate:s3cret-pass@127.0.0.1:1/none';
      await assert.rejects(openStore({ dataDir: dataRoot, databaseUrl: bad }), (error: unknown) =>
        isRolegateError(error, 'ERR_STORE') && !error.message.includes('s3cret-pass') && error.expose === false,
      );
    });
  });
}
