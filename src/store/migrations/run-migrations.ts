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
  let { error, results } = await migrator.migrateToLatest();
  // That same scan of every schema fails with "schema … does not exist" (3F000) when another
  // client drops some other schema while it runs. Nothing was applied then: try again.
  for (let attempt = 1; attempt <= 3 && error !== undefined && droppedElsewhere(error, schema); attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    ({ error, results } = await migrator.migrateToLatest());
  }
  if (error !== undefined) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    throw new RolegateError(
      'ERR_STORE',
      failed === undefined ? 'Database migration failed' : `Database migration ${failed} failed`,
      { cause: error, expose: false },
    );
  }
}

function droppedElsewhere(error: unknown, schema: string | undefined): boolean {
  const e = error as { code?: unknown; message?: unknown } | null;
  if (e?.code !== '3F000' || typeof e.message !== 'string') return false;
  return schema === undefined || !e.message.includes(`"${schema}"`);
}
