import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import pg from 'pg';
import type { Store } from '../core/ports/store.ts';
import { isRolegateError } from '../errors/rolegate-error.ts';
import { makeUser } from './contract/fixtures.ts';
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
          assert.deepEqual(rows, [{ name: '0001-initial' }, { name: '0002-authn-request-signing' }]);
        } finally {
          await admin.end();
        }
      } finally {
        await Promise.all(stores.map((s) => s.close()));
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
