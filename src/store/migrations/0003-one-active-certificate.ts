import { sql, type Kysely, type Migration } from 'kysely';

/**
 * At most one active signing certificate per app, held by the database itself: a partial
 * unique index, which SQLite and PostgreSQL both support. Concurrent activations could leave
 * an app with several; the one kept is the lowest id, because that is the one the IdP has been
 * signing with (the active key is the first active certificate in id order). The others become
 * staged: they were published in the metadata already, and stay published.
 */
async function up(db: Kysely<any>): Promise<void> {
  await sql`
    update signing_certificates set status = 'staged'
    where status = 'active' and exists (
      select 1 from signing_certificates earlier
      where earlier.app_id = signing_certificates.app_id and earlier.status = 'active' and earlier.id < signing_certificates.id
    )`.execute(db);
  await db.schema
    .createIndex('signing_certificates_one_active')
    .unique()
    .on('signing_certificates')
    .column('app_id')
    .where(sql.ref('status'), '=', 'active')
    .execute();
}

// Forward-only: there is deliberately no `down`.
export const oneActiveCertificateMigration: Migration = { up };
