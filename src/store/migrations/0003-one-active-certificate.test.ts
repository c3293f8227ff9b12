import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { Migrator, type Kysely, type Migration } from 'kysely';
import { newId } from '../../core/new-id.ts';
import { makeApp, makeCertificate } from '../contract/fixtures.ts';
import { appToRow } from '../mappers/app-mapper.ts';
import { certificateToRow } from '../mappers/certificate-mapper.ts';
import { initialMigration } from './0001-initial.ts';
import { authnRequestSigningMigration } from './0002-authn-request-signing.ts';
import { runMigrations } from './run-migrations.ts';
import { testMigrationOnBothBackends } from './test-migration-on-both-backends.ts';

/**
 * Apps that concurrent activations left with several active certificates, written under
 * 0002, keep only the lowest id active after 0003 — the one the IdP signed with — and the
 * index then refuses a second one.
 */
async function checkExtraActiveCertificatesAreStaged(db: Kysely<any>, schema: string | undefined): Promise<void> {
  const before0003 = new Migrator({
    db,
    provider: {
      getMigrations: async (): Promise<Record<string, Migration>> => ({
        '0001-initial': initialMigration,
        '0002-authn-request-signing': authnRequestSigningMigration,
      }),
    },
    ...(schema === undefined ? {} : { migrationTableSchema: schema }),
  });
  assert.equal((await before0003.migrateToLatest()).error, undefined);
  const [twice, once] = [makeApp(), makeApp()];
  await db.insertInto('apps').values([appToRow(twice), appToRow(once)]).execute();
  const ids = [newId(), newId(), newId(), newId()].sort();
  const rows = [
    makeCertificate(twice.id, { id: ids[2]!, status: 'active' }),
    makeCertificate(twice.id, { id: ids[0]!, status: 'active' }),
    makeCertificate(twice.id, { id: ids[1]!, status: 'inactive' }),
    makeCertificate(once.id, { id: ids[3]!, status: 'active' }),
  ].map((c) => certificateToRow(c, { certificateId: c.id, sealedKey: 'v1.a.b' }));
  await db.insertInto('signing_certificates').values(rows).execute();

  await runMigrations(db, schema);
  const statuses = await db.selectFrom('signing_certificates').select(['id', 'status']).orderBy('id').execute();
  assert.deepEqual(statuses, [
    { id: ids[0], status: 'active' },
    { id: ids[1], status: 'inactive' },
    { id: ids[2], status: 'staged' },
    { id: ids[3], status: 'active' },
  ]);
  await assert.rejects(db.updateTable('signing_certificates').set({ status: 'active' }).where('id', '=', ids[2]!).execute());
}

describe('migration 0003-one-active-certificate', () => {
  testMigrationOnBothBackends('extra active certificates become staged, the lowest id stays active', checkExtraActiveCertificatesAreStaged);
});
