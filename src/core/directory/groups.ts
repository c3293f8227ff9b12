import { z } from 'zod';
import { RolegateError } from '../../errors/rolegate-error.ts';
import type { CoreContext } from '../core-context.ts';
import type { Group, GroupMembership, Page, PageRequest, PrincipalType } from '../model.ts';
import { newId } from '../new-id.ts';
import { found } from '../not-found.ts';
import { parseInput } from '../parse-input.ts';
import { resolveTransitiveGroupIds } from './resolve-transitive-groups.ts';

export const createGroupInput = z.strictObject({
  displayName: z.string().trim().min(1).max(256),
  description: z.string().max(1024).nullable().optional(),
});
export const updateGroupInput = createGroupInput.partial();
export const addMemberInput = z.strictObject({ id: z.string().min(1).max(64) });

export async function createGroup(ctx: CoreContext, input: unknown): Promise<Group> {
  const data = parseInput(createGroupInput, input);
  const now = ctx.now().toISOString();
  return ctx.store.groups.insert({
    id: newId(),
    displayName: data.displayName,
    description: data.description ?? null,
    createdAt: now,
    updatedAt: now,
  });
}

export async function getGroup(ctx: CoreContext, id: string): Promise<Group> {
  return found(await ctx.store.groups.get(id), 'group', id);
}

export async function listGroups(ctx: CoreContext, page: PageRequest): Promise<Page<Group>> {
  return ctx.store.groups.list(page);
}

export async function updateGroup(ctx: CoreContext, id: string, input: unknown): Promise<Group> {
  const data = parseInput(updateGroupInput, input);
  return ctx.store.transaction(async (tx) => {
    const current = found(await tx.groups.get(id), 'group', id);
    return found(
      await tx.groups.update({
        ...current,
        displayName: data.displayName ?? current.displayName,
        description: data.description === undefined ? current.description : data.description,
        updatedAt: ctx.now().toISOString(),
      }),
      'group',
      id,
    );
  });
}

export async function deleteGroup(ctx: CoreContext, id: string): Promise<void> {
  if (!(await ctx.store.groups.delete(id))) throw new RolegateError('ERR_NOT_FOUND', `group '${id}' was not found`);
}

/**
 * Adds a user or a group to a group. Nested groups are allowed (Entra refuses them for
 * assignment; rolegate resolves them transitively), but a membership that would make a
 * group contain itself, directly or through others, is refused.
 */
export async function addGroupMember(ctx: CoreContext, groupId: string, input: unknown): Promise<GroupMembership> {
  const { id: memberId } = parseInput(addMemberInput, input);
  return ctx.store.transaction(async (tx) => {
    found(await tx.groups.get(groupId), 'group', groupId);
    const memberType = await principalTypeOf(tx, memberId);
    if (memberType === 'group') {
      const ancestors = await resolveTransitiveGroupIds(tx.groups, [groupId]);
      if (memberId === groupId || ancestors.includes(memberId)) {
        throw new RolegateError('ERR_CONFLICT', `adding group '${memberId}' to group '${groupId}' would create a membership cycle`, {
          field: 'id',
        });
      }
    }
    return tx.groups.addMember({ groupId, memberId, memberType, createdAt: ctx.now().toISOString() });
  });
}

export async function removeGroupMember(ctx: CoreContext, groupId: string, memberId: string): Promise<void> {
  found(await ctx.store.groups.get(groupId), 'group', groupId);
  if (!(await ctx.store.groups.removeMember(groupId, memberId))) {
    throw new RolegateError('ERR_NOT_FOUND', `'${memberId}' is not a direct member of group '${groupId}'`);
  }
}

export async function listGroupMembers(ctx: CoreContext, groupId: string, page: PageRequest): Promise<Page<GroupMembership>> {
  found(await ctx.store.groups.get(groupId), 'group', groupId);
  return ctx.store.groups.listMembers(groupId, page);
}

/** Whether an id names a user or a group; ERR_NOT_FOUND (field `id`) when it names neither. */
export async function principalTypeOf(store: Pick<CoreContext['store'], 'users' | 'groups'>, id: string): Promise<PrincipalType> {
  if (await store.users.get(id)) return 'user';
  if (await store.groups.get(id)) return 'group';
  throw new RolegateError('ERR_NOT_FOUND', `no user or group has id '${id}'`, { field: 'id' });
}
