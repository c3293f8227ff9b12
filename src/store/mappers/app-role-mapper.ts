import type { AppRole, AppRoleOrigin } from '../../core/model.ts';
import type { AppRolesTable } from '../database-schema.ts';

export function appRoleFromRow(row: AppRolesTable): AppRole {
  return {
    id: row.id,
    appId: row.app_id,
    value: row.value,
    displayName: row.display_name,
    description: row.description,
    enabled: row.enabled === 1,
    origin: row.origin as AppRoleOrigin,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function appRoleToRow(role: AppRole): AppRolesTable {
  return {
    id: role.id,
    app_id: role.appId,
    value: role.value,
    display_name: role.displayName,
    description: role.description,
    enabled: role.enabled ? 1 : 0,
    origin: role.origin,
    created_at: role.createdAt,
    updated_at: role.updatedAt,
  };
}
