import { Kysely, sql } from 'kysely';
import pg from 'pg';
import { RolegateError } from '../errors/rolegate-error.ts';
import type { Database } from './database-schema.ts';
import { SerializedPostgresDialect } from './serialized-postgres-dialect.ts';

const SCHEMA_PATTERN = /^[a-z_][a-z0-9_]{0,62}$/;

export interface PostgresConnection {
  db: Kysely<Database>;
  /** The schema the tables live in: `schema` if given, else the connection's current_schema(). */
  schema: string;
}

/** Never echo the URL: it may hold a password. The driver's error code is safe to show. */
function connectError(error: unknown): RolegateError {
  const code = (error as { code?: unknown } | null)?.code;
  const suffix = typeof code === 'string' ? ` (${code})` : '';
  return new RolegateError('ERR_STORE', `Cannot connect to the PostgreSQL database${suffix}`, {
    cause: error,
    expose: false,
  });
}

async function ensureSchema(db: Kysely<Database>, schema: string): Promise<void> {
  try {
    await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
  } catch (error) {
    // Two nodes creating it at once: IF NOT EXISTS can still fail on a unique index; fine if it now exists.
    const found = await sql`select 1 from pg_namespace where nspname = ${schema}`.execute(db);
    if (found.rows.length === 0) throw error;
  }
}

export async function openPostgres(url: string, schema: string | undefined): Promise<PostgresConnection> {
  if (schema !== undefined && !SCHEMA_PATTERN.test(schema)) {
    throw new RolegateError('ERR_CONFIG', 'The PostgreSQL schema name must match [a-z_][a-z0-9_]{0,62}', {
      field: 'schema',
    });
  }
  const pool = new pg.Pool({
    connectionString: url,
    ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
  });
  // An idle client that loses its server emits 'error' on the pool; without a listener that
  // kills the process. The pool drops the client, and the next query reports the outage.
  pool.on('error', () => {});
  const db = new Kysely<Database>({ dialect: new SerializedPostgresDialect({ pool }) });
  try {
    let current: string | null;
    try {
      if (schema !== undefined) await ensureSchema(db, schema);
      const result = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db);
      current = result.rows[0]?.schema ?? null;
    } catch (error) {
      throw connectError(error);
    }
    if (schema !== undefined && current !== schema) {
      // A search_path in the URL's `options` parameter overrides ours (pg lets the URL win).
      throw new RolegateError('ERR_CONFIG', `The PostgreSQL schema ${schema} is not the connection's current schema`, {
        field: 'schema',
      });
    }
    if (current === null) {
      throw new RolegateError('ERR_CONFIG', 'No schema of the PostgreSQL search_path exists', { field: 'schema' });
    }
    return { db, schema: current };
  } catch (error) {
    await db.destroy();
    throw error;
  }
}
