import type { Migration, MigrationProvider } from 'kysely';
import { initialMigration } from './0001-initial.ts';
import { authnRequestSigningMigration } from './0002-authn-request-signing.ts';

/**
 * Every migration, in code (no directory scan, so bundling and tsx both work).
 * Names sort in apply order; append new ones, never edit or remove applied ones.
 */
const MIGRATIONS: Readonly<Record<string, Migration>> = Object.freeze({
  '0001-initial': initialMigration,
  '0002-authn-request-signing': authnRequestSigningMigration,
});

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};
