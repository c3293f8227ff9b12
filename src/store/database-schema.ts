/**
 * Kysely table types: the one schema both backends share (created by migrations/0001-initial.ts).
 * Booleans are INTEGER 0/1 and timestamps ISO-8601 TEXT on both backends; list and object
 * fields are JSON TEXT, so a row reads the same from SQLite and PostgreSQL.
 */

export interface UsersTable {
  id: string;
  user_principal_name: string;
  display_name: string;
  mail: string | null;
  enabled: number;
  /** JSON object of string values. */
  attributes: string;
  password_hash: string | null;
  created_at: string;
  updated_at: string;
}

export interface GroupsTable {
  id: string;
  display_name: string;
  description: string | null;
  created_at: string;
  updated_at: string;
}

export interface GroupMembersTable {
  group_id: string;
  /** A user's or a group's id: no foreign key, so the adapter cascades deletes itself. */
  member_id: string;
  member_type: string;
  created_at: string;
}

export interface AppsTable {
  id: string;
  template: string;
  display_name: string;
  enabled: number;
  visible_in_my_apps: number;
  idp_entity_id: string;
  /** JSON array of strings. */
  identifiers: string;
  /** JSON array of strings. */
  reply_urls: string;
  sign_on_url: string | null;
  relay_state: string | null;
  name_id_format: string;
  name_id_source: string;
  /** JSON array of Claim. */
  claims: string;
  session_duration: number | null;
  signing_scope: string;
  signing_algorithm: string;
  /** 0 or 1 (migration 0002). */
  authn_requests_signed: number;
  /** JSON array of PEM strings (migration 0002). */
  sp_signing_certificates: string;
  created_at: string;
  updated_at: string;
}

export interface SigningCertificatesTable {
  id: string;
  app_id: string;
  status: string;
  subject: string;
  serial_number: string;
  thumbprint_sha1: string;
  thumbprint_sha256: string;
  key_bits: number;
  not_before: string;
  not_after: string;
  certificate_pem: string;
  /** The private key sealed by the SecretBox; never selected by the certificate reads. */
  sealed_key: string;
  created_at: string;
}

export interface AppRolesTable {
  id: string;
  app_id: string;
  value: string | null;
  display_name: string;
  description: string | null;
  enabled: number;
  origin: string;
  created_at: string;
  updated_at: string;
}

export interface AssignmentsTable {
  id: string;
  app_id: string;
  app_role_id: string;
  /** A user's or a group's id: no foreign key, so the adapter cascades deletes itself. */
  principal_id: string;
  principal_type: string;
  created_at: string;
}

export interface ApiTokensTable {
  id: string;
  name: string;
  prefix: string;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
}

export interface SsoSessionsTable {
  id: string;
  token_hash: string;
  user_id: string;
  authn_instant: string;
  expires_at: string;
  created_at: string;
}

export interface SettingsTable {
  key: string;
  value: string;
}

export interface Database {
  users: UsersTable;
  groups: GroupsTable;
  group_members: GroupMembersTable;
  apps: AppsTable;
  signing_certificates: SigningCertificatesTable;
  app_roles: AppRolesTable;
  assignments: AssignmentsTable;
  api_tokens: ApiTokensTable;
  sso_sessions: SsoSessionsTable;
  settings: SettingsTable;
}
