import Sqlite from 'better-sqlite3';
import { Kysely } from 'kysely';
import { RolegateError } from '../errors/rolegate-error.ts';
import type { Database } from './database-schema.ts';
import { restrictSqliteFiles } from './restrict-sqlite-files.ts';
import { RolegateSqliteDialect, cacheStatements } from './sqlite-dialect.ts';

const BUSY_TIMEOUT_MS = 5000;

export function openSqlite(file: string): Kysely<Database> {
  let connection: Sqlite.Database;
  try {
    restrictSqliteFiles(file);
    connection = new Sqlite(file);
  } catch (error) {
    throw new RolegateError('ERR_STORE', `Cannot open the SQLite database ${file}`, { cause: error, expose: false });
  }
  try {
    connection.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    const mode = connection.pragma('journal_mode = WAL', { simple: true });
    if (mode !== 'wal') throw new Error(`journal_mode is ${String(mode)}, not wal`);
    // WAL with synchronous=NORMAL stays consistent after a crash; only the last commits may be lost on power loss.
    connection.pragma('synchronous = NORMAL');
    connection.pragma('foreign_keys = ON');
  } catch (error) {
    connection.close();
    throw new RolegateError('ERR_STORE', `Cannot configure the SQLite database ${file}`, {
      cause: error,
      expose: false,
    });
  }
  return new Kysely<Database>({ dialect: new RolegateSqliteDialect({ database: cacheStatements(connection) }) });
}
