import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Per-app settings for signed SP-initiated AuthnRequests. Existing apps keep today's
 * behaviour: not required (0) and no SP certificate ('[]', a JSON array of PEM text).
 * One column per ALTER TABLE, because SQLite adds only one at a time; NOT NULL with a
 * constant default is what both SQLite and PostgreSQL accept on a table that has rows.
 */
async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('apps')
    .addColumn('authn_requests_signed', 'integer', (c) =>
      c.notNull().defaultTo(0).check(sql`authn_requests_signed in (0, 1)`),
    )
    .execute();
  await db.schema
    .alterTable('apps')
    .addColumn('sp_signing_certificates', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
}

// Forward-only: there is deliberately no `down`.
export const authnRequestSigningMigration: Migration = { up };
