import type { User } from '../../core/model.ts';
import type { UsersTable } from '../database-schema.ts';

export type UserRow = Omit<UsersTable, 'password_hash'>;

export function userFromRow(row: UserRow): User {
  return {
    id: row.id,
    userPrincipalName: row.user_principal_name,
    displayName: row.display_name,
    mail: row.mail,
    enabled: row.enabled === 1,
    attributes: JSON.parse(row.attributes) as Record<string, string>,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function userToRow(user: User): UserRow {
  return {
    id: user.id,
    user_principal_name: user.userPrincipalName,
    display_name: user.displayName,
    mail: user.mail,
    enabled: user.enabled ? 1 : 0,
    attributes: JSON.stringify(user.attributes),
    created_at: user.createdAt,
    updated_at: user.updatedAt,
  };
}
