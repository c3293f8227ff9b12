import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { openPostgres } from '../open-postgres.ts';
import { openSqlite } from '../open-sqlite.ts';

/**
 * Registers `name` as two tests, one on a fresh SQLite file and one in a fresh PostgreSQL
 * schema (dropped afterwards), each running `check` on a database with no migrations applied.
 * PostgreSQL may be skipped as unreachable only outside CI.
 */
export function testMigrationOnBothBackends(name: string, check: (db: Kysely<any>, schema: string | undefined) => Promise<void>): void {
  test(`SQLite: ${name}`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rolegate-migration-'));
    const db = openSqlite(join(dir, 'rolegate.db'));
    try {
      await check(db, undefined);
    } finally {
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  const url = process.env.ROLEGATE_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const schema = `rolegate_test_${randomBytes(6).toString('hex')}`;
  after(async () => {
    const admin = new pg.Client({ connectionString: url });
    try {
      await admin.connect();
      await admin.query(`drop schema if exists "${schema}" cascade`);
    } catch {
      // Unreachable PostgreSQL: the test below already reported it.
    } finally {
      await admin.end().catch(() => {});
    }
  });

  test(`PostgreSQL: ${name}`, async (t) => {
    let connection;
    try {
      connection = await openPostgres(url, schema);
    } catch (error) {
      const inCi = !['', '0', 'false'].includes((process.env.CI ?? '').toLowerCase());
      if (inCi) throw error;
      t.skip('PostgreSQL is unreachable');
      return;
    }
    try {
      await check(connection.db, connection.schema);
    } finally {
      await connection.db.destroy();
    }
  });
}
