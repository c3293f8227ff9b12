import { Migrator, type Kysely } from 'kysely';
import { RolegateError } from '../../errors/rolegate-error.ts';
import { migrationProvider } from './migration-provider.ts';

/**
 * Applies pending migrations. Kysely's migrator holds a lock while it runs (a PostgreSQL
 * advisory lock; SQLite's single connection), so several nodes starting at once apply each
 * migration exactly once. `schema` pins the migration bookkeeping tables to the schema the
 * data lives in: Kysely's existence check scans every schema, so without it a second schema
 * on the same database would look already migrated.
 */
export async function runMigrations(db: Kysely<any>, schema: string | undefined): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: migrationProvider,
    ...(schema === undefined ? {} : { migrationTableSchema: schema }),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    throw new RolegateError(
      'ERR_STORE',
      failed === undefined ? 'Database migration failed' : `Database migration ${failed} failed`,
      { cause: error, expose: false },
    );
  }
}
