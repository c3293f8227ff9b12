/**
 * Every unique key of the schema, by the names each backend reports on a clash:
 * PostgreSQL gives the constraint or index name; SQLite gives `table.col, table.col`,
 * or `index 'name'` for an expression index.
 */
interface UniqueKey {
  constraint: string;
  sqlite: string;
  entity: string;
  field: string;
  /** When the general "A <entity> with this <field> already exists" would mislead. */
  message?: string;
}

const UNIQUE_KEYS: readonly UniqueKey[] = [
  { constraint: 'users_pkey', sqlite: 'users.id', entity: 'user', field: 'id' },
  { constraint: 'users_upn_unique', sqlite: "index 'users_upn_unique'", entity: 'user', field: 'userPrincipalName' },
  { constraint: 'groups_pkey', sqlite: 'groups.id', entity: 'group', field: 'id' },
  {
    constraint: 'group_members_pkey',
    sqlite: 'group_members.group_id, group_members.member_id',
    entity: 'group membership',
    field: 'memberId',
  },
  { constraint: 'apps_pkey', sqlite: 'apps.id', entity: 'app', field: 'id' },
  { constraint: 'signing_certificates_pkey', sqlite: 'signing_certificates.id', entity: 'certificate', field: 'id' },
  {
    // Partial: only rows with status 'active' (migration 0003).
    constraint: 'signing_certificates_one_active',
    sqlite: 'signing_certificates.app_id',
    entity: 'certificate',
    field: 'status',
    message: 'The app already has an active signing certificate (status)',
  },
  { constraint: 'app_roles_pkey', sqlite: 'app_roles.id', entity: 'app role', field: 'id' },
  {
    constraint: 'app_roles_app_id_value_unique',
    sqlite: 'app_roles.app_id, app_roles.value',
    entity: 'app role',
    field: 'value',
  },
  { constraint: 'assignments_pkey', sqlite: 'assignments.id', entity: 'assignment', field: 'id' },
  {
    constraint: 'assignments_role_principal_unique',
    sqlite: 'assignments.app_role_id, assignments.principal_id, assignments.app_id',
    entity: 'assignment',
    field: 'principalId',
  },
  { constraint: 'api_tokens_pkey', sqlite: 'api_tokens.id', entity: 'API token', field: 'id' },
  { constraint: 'api_tokens_token_hash_unique', sqlite: 'api_tokens.token_hash', entity: 'API token', field: 'tokenHash' },
  { constraint: 'sso_sessions_pkey', sqlite: 'sso_sessions.id', entity: 'SSO session', field: 'id' },
  {
    constraint: 'sso_sessions_token_hash_unique',
    sqlite: 'sso_sessions.token_hash',
    entity: 'SSO session',
    field: 'tokenHash',
  },
  { constraint: 'settings_pkey', sqlite: 'settings.key', entity: 'setting', field: 'key' },
];

const BY_CONSTRAINT = new Map(UNIQUE_KEYS.map((k) => [k.constraint, k]));
const BY_SQLITE = new Map(UNIQUE_KEYS.map((k) => [k.sqlite, k]));

export function findUniqueKeyByConstraint(name: string | undefined): UniqueKey | undefined {
  return name === undefined ? undefined : BY_CONSTRAINT.get(name);
}

/** `message` is SQLite's, e.g. `UNIQUE constraint failed: users.id`. */
export function findUniqueKeyBySqliteMessage(message: string): UniqueKey | undefined {
  const prefix = 'UNIQUE constraint failed: ';
  return message.startsWith(prefix) ? BY_SQLITE.get(message.slice(prefix.length)) : undefined;
}
