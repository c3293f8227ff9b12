import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { Migrator, sql, type Kysely, type Migration } from 'kysely';
import { appToRow } from '../mappers/app-mapper.ts';
import { makeApp } from '../contract/fixtures.ts';
import { initialMigration } from './0001-initial.ts';
import { runMigrations } from './run-migrations.ts';
import { testMigrationOnBothBackends } from './test-migration-on-both-backends.ts';

/**
 * An app written under 0001 alone, then migrated to the latest schema, reads back with the
 * defaults of 0002: signed requests not required, no SP certificate.
 */
async function checkExistingRowsGetDefaults(db: Kysely<any>, schema: string | undefined): Promise<void> {
  const onlyInitial = new Migrator({
    db,
    provider: { getMigrations: async (): Promise<Record<string, Migration>> => ({ '0001-initial': initialMigration }) },
    ...(schema === undefined ? {} : { migrationTableSchema: schema }),
  });
  const first = await onlyInitial.migrateToLatest();
  assert.equal(first.error, undefined);
  const { authn_requests_signed: _a, sp_signing_certificates: _s, ...oldRow } = appToRow(makeApp());
  await db.insertInto('apps').values(oldRow).execute();

  await runMigrations(db, schema);
  const row = await db.selectFrom('apps').select(['authn_requests_signed', 'sp_signing_certificates']).where('id', '=', oldRow.id).executeTakeFirstOrThrow();
  assert.deepEqual({ ...row, authn_requests_signed: Number(row.authn_requests_signed) }, { authn_requests_signed: 0, sp_signing_certificates: '[]' });
  // The CHECK keeps the boolean a boolean.
  await assert.rejects(sql`update apps set authn_requests_signed = 2 where id = ${oldRow.id}`.execute(db));
}

describe('migration 0002-authn-request-signing', () => {
  testMigrationOnBothBackends('existing apps get false and []', checkExistingRowsGetDefaults);
});
