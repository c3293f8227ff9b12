/**
 * The storage layer: one schema, one Kysely data-access layer, two backends.
 *
 * - SQLite (default): `<dataDir>/rolegate.db` through better-sqlite3, WAL journal,
 *   foreign keys on, busy_timeout, BEGIN IMMEDIATE transactions, cached prepared statements.
 * - PostgreSQL: chosen by a `postgres://` or `postgresql://` `databaseUrl` (DATABASE_URL),
 *   through a pg pool. `schema` (PostgreSQL only) puts every table in that schema, created
 *   if missing; tests use it to isolate runs.
 *
 * Migrations (migrations/, forward-only, in code) are applied before the store is returned;
 * several nodes starting together are serialised by Kysely's migration lock.
 *
 * Rules every caller can rely on, on both backends:
 * - unique-key clashes throw ERR_CONFLICT with `field` set; other database failures throw
 *   ERR_STORE with expose=false; misuse (bad page limit) throws TypeError;
 * - a failed write inside `transaction()` leaves the transaction usable (savepoints), and
 *   a call on the root store from inside `transaction()`'s callback joins that transaction;
 * - statements of one transaction run one at a time: don't Promise.all on `tx`;
 * - write transactions run one at a time per database (per schema on PostgreSQL), across
 *   processes and nodes: SQLite's BEGIN IMMEDIATE, PostgreSQL's advisory lock taken at BEGIN
 *   (serialized-postgres-dialect.ts). So a check the core makes inside `transaction()` still
 *   holds when its write commits. Statements outside a transaction do not wait for it.
 * Deleting users and groups cascades to rows that name them as member or principal in the
 * adapter (those columns can name either, so no foreign key), inside one transaction.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Store } from '../core/ports/store.ts';
import { RolegateError } from '../errors/rolegate-error.ts';
import type { Database } from './database-schema.ts';
import { runMigrations } from './migrations/run-migrations.ts';
import { openPostgres } from './open-postgres.ts';
import { openSqlite } from './open-sqlite.ts';
import { SqlStore } from './sql-store.ts';

export interface OpenStoreOptions {
  dataDir: string;
  /** `postgres://` or `postgresql://` selects PostgreSQL; absent or empty selects SQLite. */
  databaseUrl?: string | undefined;
  /** PostgreSQL only: the schema that holds the tables (created if missing). */
  schema?: string | undefined;
}

export const SQLITE_FILE_NAME = 'rolegate.db';

const POSTGRES_URL = /^postgres(?:ql)?:\/\//i;

export async function openStore(options: OpenStoreOptions): Promise<Store> {
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const url = options.databaseUrl;
  let db: Kysely<Database>;
  let schema: string | undefined;
  if (url !== undefined && url !== '') {
    if (!POSTGRES_URL.test(url)) {
      // The URL may hold a password: never repeat it.
      throw new RolegateError('ERR_CONFIG', 'DATABASE_URL must start with postgres:// or postgresql://', {
        field: 'databaseUrl',
      });
    }
    ({ db, schema } = await openPostgres(url, options.schema));
  } else {
    if (options.schema !== undefined) {
      throw new RolegateError('ERR_CONFIG', 'A schema can only be chosen for PostgreSQL', { field: 'schema' });
    }
    db = openSqlite(join(options.dataDir, SQLITE_FILE_NAME));
  }
  try {
    await runMigrations(db, schema);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return new SqlStore(db);
}
