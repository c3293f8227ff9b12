import Sqlite from 'better-sqlite3';
import pg from 'pg';
import { RolegateError, isRolegateError } from '../errors/rolegate-error.ts';
import { findUniqueKeyByConstraint, findUniqueKeyBySqliteMessage } from './unique-keys.ts';

const PG_UNIQUE_VIOLATION = '23505';

/** Whether `error` came from a database driver (as opposed to caller code running in a transaction). */
export function isDatabaseError(error: unknown): boolean {
  return error instanceof Sqlite.SqliteError || error instanceof pg.DatabaseError;
}

function uniqueKeyOf(error: unknown) {
  if (error instanceof Sqlite.SqliteError) {
    if (error.code === 'SQLITE_CONSTRAINT_UNIQUE' || error.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
      return { key: findUniqueKeyBySqliteMessage(error.message) };
    }
  } else if (error instanceof pg.DatabaseError && error.code === PG_UNIQUE_VIOLATION) {
    return { key: findUniqueKeyByConstraint(error.constraint) };
  }
  return undefined;
}

/**
 * Maps anything a repository call threw to a RolegateError: a unique-key clash becomes
 * ERR_CONFLICT naming the field (never the value); every other failure is ERR_STORE and
 * unexposed, because driver messages can quote SQL and data.
 */
export function toStoreError(error: unknown): unknown {
  if (isRolegateError(error)) return error;
  // A caller's misuse (bad page limit, mismatched ids) stays a TypeError.
  if (error instanceof TypeError && !isDatabaseError(error)) return error;
  const unique = uniqueKeyOf(error);
  if (unique !== undefined) {
    const { key } = unique;
    return key === undefined
      ? new RolegateError('ERR_CONFLICT', 'A record with the same key already exists', { cause: error })
      : new RolegateError('ERR_CONFLICT', key.message ?? `${/^[aeiou]/.test(key.entity) ? 'An' : 'A'} ${key.entity} with this ${key.field} already exists`, {
          cause: error,
          field: key.field,
        });
  }
  return new RolegateError('ERR_STORE', 'The database operation failed', { cause: error, expose: false });
}
