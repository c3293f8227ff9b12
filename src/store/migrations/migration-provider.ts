import type { Migration, MigrationProvider } from 'kysely';
import { initialMigration } from './0001-initial.ts';
import { authnRequestSigningMigration } from './0002-authn-request-signing.ts';
import { oneActiveCertificateMigration } from './0003-one-active-certificate.ts';

/**
 * Every migration, in code (no directory scan, so bundling and tsx both work).
 * Names sort in apply order; append new ones, never edit or remove applied ones.
 */
const MIGRATIONS: Readonly<Record<string, Migration>> = Object.freeze({
  '0001-initial': initialMigration,
  '0002-authn-request-signing': authnRequestSigningMigration,
  '0003-one-active-certificate': oneActiveCertificateMigration,
});

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};
