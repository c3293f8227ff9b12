import { sql, type Kysely } from 'kysely';
import type { Database } from './database-schema.ts';
import { runGated } from './run-gated.ts';

const savepointDepth = new WeakMap<Kysely<Database>, number>();

/**
 * Inside a transaction, a failed write is rolled back to a savepoint so the transaction
 * stays usable on both backends: PostgreSQL otherwise aborts the whole transaction after
 * any error, SQLite does not. Statements of one transaction must not run in parallel
 * (they share one connection), so a depth counter is enough to name savepoints.
 */
async function withSavepoint<T>(trx: Kysely<Database>, fn: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  const depth = savepointDepth.get(trx) ?? 0;
  // Names repeat by depth so the SQLite statement cache keeps hitting.
  const name = sql.raw(`rolegate_sp_${depth}`);
  savepointDepth.set(trx, depth + 1);
  try {
    await sql`savepoint ${name}`.execute(trx);
    let result: T;
    try {
      result = await fn(trx);
    } catch (error) {
      await sql`rollback to savepoint ${name}`.execute(trx);
      await sql`release savepoint ${name}`.execute(trx);
      throw error;
    }
    await sql`release savepoint ${name}`.execute(trx);
    return result;
  } finally {
    savepointDepth.set(trx, depth);
  }
}

/** One statement that may clash on a unique key. */
export async function runWrite<T>(db: Kysely<Database>, fn: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.isTransaction ? withSavepoint(db, fn) : fn(db);
}

/** Several statements that land together or not at all, joining the current transaction if there is one. */
export async function runAtomicWrite<T>(
  db: Kysely<Database>,
  fn: (trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  return db.isTransaction ? withSavepoint(db, fn) : runGated(db, () => db.transaction().execute(fn));
}
