import { z } from 'zod';
import { RolegateError } from '../../errors/rolegate-error.ts';
import { principalTypeOf } from '../directory/groups.ts';
import type { CoreContext } from '../core-context.ts';
import type { Assignment, Page, PageRequest } from '../model.ts';
import { newId } from '../new-id.ts';
import { found } from '../not-found.ts';
import { parseInput } from '../parse-input.ts';

export const createAssignmentInput = z.strictObject({
  principalId: z.string().min(1).max(64),
  appRoleId: z.string().min(1).max(64),
});

export async function createAssignment(ctx: CoreContext, appId: string, input: unknown): Promise<Assignment> {
  const data = parseInput(createAssignmentInput, input);
  return ctx.store.transaction(async (tx) => {
    found(await tx.apps.get(appId), 'app', appId);
    const role = await tx.roles.get(appId, data.appRoleId);
    if (!role) throw new RolegateError('ERR_NOT_FOUND', `app '${appId}' has no role '${data.appRoleId}'`, { field: 'appRoleId' });
    if (!role.enabled) {
      throw new RolegateError('ERR_VALIDATION', `appRoleId: role '${role.displayName}' is disabled and cannot be assigned`, { field: 'appRoleId' });
    }
    let principalType;
    try {
      principalType = await principalTypeOf(tx, data.principalId);
    } catch (error) {
      if (error instanceof RolegateError) throw new RolegateError('ERR_NOT_FOUND', `principalId: no user or group has id '${data.principalId}'`, { field: 'principalId' });
      throw error;
    }
    return tx.assignments.insert({
      id: newId(),
      appId,
      appRoleId: role.id,
      principalId: data.principalId,
      principalType,
      createdAt: ctx.now().toISOString(),
    });
  });
}

export async function listAssignments(ctx: CoreContext, appId: string, page: PageRequest): Promise<Page<Assignment>> {
  found(await ctx.store.apps.get(appId), 'app', appId);
  return ctx.store.assignments.list(appId, page);
}

export async function deleteAssignment(ctx: CoreContext, appId: string, id: string): Promise<void> {
  if (!(await ctx.store.assignments.delete(appId, id))) {
    throw new RolegateError('ERR_NOT_FOUND', `assignment '${id}' was not found on app '${appId}'`);
  }
}
