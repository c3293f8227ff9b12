import type { Group, GroupMembership, PrincipalType } from '../../core/model.ts';
import type { GroupMembersTable, GroupsTable } from '../database-schema.ts';

export function groupFromRow(row: GroupsTable): Group {
  return {
    id: row.id,
    displayName: row.display_name,
    description: row.description,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function groupToRow(group: Group): GroupsTable {
  return {
    id: group.id,
    display_name: group.displayName,
    description: group.description,
    created_at: group.createdAt,
    updated_at: group.updatedAt,
  };
}

export function membershipFromRow(row: GroupMembersTable): GroupMembership {
  return {
    groupId: row.group_id,
    memberId: row.member_id,
    memberType: row.member_type as PrincipalType,
    createdAt: row.created_at,
  };
}

export function membershipToRow(membership: GroupMembership): GroupMembersTable {
  return {
    group_id: membership.groupId,
    member_id: membership.memberId,
    member_type: membership.memberType,
    created_at: membership.createdAt,
  };
}
