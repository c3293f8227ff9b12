import type { Assignment, PrincipalType } from '../../core/model.ts';
import type { AssignmentsTable } from '../database-schema.ts';

export function assignmentFromRow(row: AssignmentsTable): Assignment {
  return {
    id: row.id,
    appId: row.app_id,
    appRoleId: row.app_role_id,
    principalId: row.principal_id,
    principalType: row.principal_type as PrincipalType,
    createdAt: row.created_at,
  };
}

export function assignmentToRow(assignment: Assignment): AssignmentsTable {
  return {
    id: assignment.id,
    app_id: assignment.appId,
    app_role_id: assignment.appRoleId,
    principal_id: assignment.principalId,
    principal_type: assignment.principalType,
    created_at: assignment.createdAt,
  };
}
