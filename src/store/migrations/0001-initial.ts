import { sql, type Kysely, type Migration } from 'kysely';

/**
 * The first schema. Types stay portable between SQLite and PostgreSQL: TEXT, INTEGER
 * (booleans as 0/1 under a CHECK), ISO-8601 TEXT timestamps, JSON as TEXT.
 * Constraint and index names are explicit because map-store-error.ts names the
 * clashing field from them.
 */
async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_principal_name', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('mail', 'text')
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('attributes', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('users_enabled_check', sql`enabled in (0, 1)`)
    .execute();
  await db.schema
    .createIndex('users_upn_unique')
    .unique()
    .on('users')
    .expression(sql`lower(user_principal_name)`)
    .execute();

  await db.schema
    .createTable('groups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('group_members')
    .addColumn('group_id', 'text', (c) => c.notNull().references('groups.id').onDelete('cascade'))
    .addColumn('member_id', 'text', (c) => c.notNull())
    .addColumn('member_type', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('group_members_pkey', ['group_id', 'member_id'])
    .addCheckConstraint('group_members_member_type_check', sql`member_type in ('user', 'group')`)
    .execute();
  // listParentGroupIds and the member-side cascade look members up by member_id.
  await db.schema.createIndex('group_members_member_id').on('group_members').column('member_id').execute();

  await db.schema
    .createTable('apps')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('template', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('visible_in_my_apps', 'integer', (c) => c.notNull())
    .addColumn('idp_entity_id', 'text', (c) => c.notNull())
    .addColumn('identifiers', 'text', (c) => c.notNull())
    .addColumn('reply_urls', 'text', (c) => c.notNull())
    .addColumn('sign_on_url', 'text')
    .addColumn('relay_state', 'text')
    .addColumn('name_id_format', 'text', (c) => c.notNull())
    .addColumn('name_id_source', 'text', (c) => c.notNull())
    .addColumn('claims', 'text', (c) => c.notNull())
    .addColumn('session_duration', 'integer')
    .addColumn('signing_scope', 'text', (c) => c.notNull())
    .addColumn('signing_algorithm', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('apps_enabled_check', sql`enabled in (0, 1) and visible_in_my_apps in (0, 1)`)
    .execute();

  await db.schema
    .createTable('signing_certificates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('app_id', 'text', (c) => c.notNull().references('apps.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('serial_number', 'text', (c) => c.notNull())
    .addColumn('thumbprint_sha1', 'text', (c) => c.notNull())
    .addColumn('thumbprint_sha256', 'text', (c) => c.notNull())
    .addColumn('key_bits', 'integer', (c) => c.notNull())
    .addColumn('not_before', 'text', (c) => c.notNull())
    .addColumn('not_after', 'text', (c) => c.notNull())
    .addColumn('certificate_pem', 'text', (c) => c.notNull())
    .addColumn('sealed_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('signing_certificates_app_id')
    .on('signing_certificates')
    .columns(['app_id', 'id'])
    .execute();

  await db.schema
    .createTable('app_roles')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('app_id', 'text', (c) => c.notNull().references('apps.id').onDelete('cascade'))
    .addColumn('value', 'text')
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('app_roles_enabled_check', sql`enabled in (0, 1)`)
    .execute();
  await db.schema
    .createIndex('app_roles_app_id_value_unique')
    .unique()
    .on('app_roles')
    .columns(['app_id', 'value'])
    .where(sql.ref('value'), 'is not', null)
    .execute();
  // (app_id, id) serves both the app_id foreign key and the keyset listing of one app's roles.
  await db.schema.createIndex('app_roles_app_id').on('app_roles').columns(['app_id', 'id']).execute();

  await db.schema
    .createTable('assignments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('app_id', 'text', (c) => c.notNull().references('apps.id').onDelete('cascade'))
    .addColumn('app_role_id', 'text', (c) => c.notNull().references('app_roles.id').onDelete('cascade'))
    .addColumn('principal_id', 'text', (c) => c.notNull())
    .addColumn('principal_type', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('assignments_principal_type_check', sql`principal_type in ('user', 'group')`)
    .execute();
  // Leading app_role_id also serves the cascade from a deleted role.
  await db.schema
    .createIndex('assignments_role_principal_unique')
    .unique()
    .on('assignments')
    .columns(['app_role_id', 'principal_id', 'app_id'])
    .execute();
  await db.schema.createIndex('assignments_principal_id').on('assignments').column('principal_id').execute();
  // The sign-in lookup (listRolesForPrincipals) reads only this index.
  await db.schema
    .createIndex('assignments_app_principal')
    .on('assignments')
    .columns(['app_id', 'principal_id', 'app_role_id'])
    .execute();

  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .execute();
  await db.schema.createIndex('api_tokens_token_hash_unique').unique().on('api_tokens').column('token_hash').execute();

  await db.schema
    .createTable('sso_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('token_hash', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('authn_instant', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('sso_sessions_token_hash_unique')
    .unique()
    .on('sso_sessions')
    .column('token_hash')
    .execute();
  await db.schema.createIndex('sso_sessions_user_id').on('sso_sessions').column('user_id').execute();
  await db.schema.createIndex('sso_sessions_expires_at').on('sso_sessions').column('expires_at').execute();

  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
}

// Forward-only: there is deliberately no `down`.
export const initialMigration: Migration = { up };
