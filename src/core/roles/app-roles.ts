import { z } from 'zod';
import { RolegateError } from '../../errors/rolegate-error.ts';
import { templateOf } from '../apps/apps.ts';
import type { CoreContext } from '../core-context.ts';
import type { AppRole, Page, PageRequest } from '../model.ts';
import { newId } from '../new-id.ts';
import { found } from '../not-found.ts';
import { parseInput } from '../parse-input.ts';

export const roleValue = z.string().trim().min(1).max(2048);

export const createRoleInput = z.strictObject({
  value: roleValue,
  displayName: z.string().trim().min(1).max(256),
  description: z.string().max(1024).nullable().optional(),
  enabled: z.boolean().optional(),
});

export const updateRoleInput = z.strictObject({
  displayName: z.string().trim().min(1).max(256).optional(),
  description: z.string().max(1024).nullable().optional(),
  enabled: z.boolean().optional(),
});

export async function createRole(ctx: CoreContext, appId: string, input: unknown): Promise<AppRole> {
  const data = parseInput(createRoleInput, input);
  const app = found(await ctx.store.apps.get(appId), 'app', appId);
  const value = templateOf(ctx, app).normalizeRoleValue(data.value);
  const now = ctx.now().toISOString();
  return ctx.store.roles.insert({
    id: newId(),
    appId,
    value,
    displayName: data.displayName,
    description: data.description ?? null,
    enabled: data.enabled ?? true,
    origin: 'manual',
    createdAt: now,
    updatedAt: now,
  });
}

export async function getRole(ctx: CoreContext, appId: string, id: string): Promise<AppRole> {
  return found(await ctx.store.roles.get(appId, id), 'app role', id);
}

export async function listRoles(ctx: CoreContext, appId: string, page: PageRequest): Promise<Page<AppRole>> {
  found(await ctx.store.apps.get(appId), 'app', appId);
  return ctx.store.roles.list(appId, page);
}

export async function updateRole(ctx: CoreContext, appId: string, id: string, input: unknown): Promise<AppRole> {
  const data = parseInput(updateRoleInput, input);
  return ctx.store.transaction(async (tx) => {
    const current = found(await tx.roles.get(appId, id), 'app role', id);
    return found(
      await tx.roles.update({
        ...current,
        displayName: data.displayName ?? current.displayName,
        description: data.description === undefined ? current.description : data.description,
        enabled: data.enabled ?? current.enabled,
        updatedAt: ctx.now().toISOString(),
      }),
      'app role',
      id,
    );
  });
}

export async function deleteRole(ctx: CoreContext, appId: string, id: string): Promise<void> {
  await ctx.store.transaction(async (tx) => {
    const role = found(await tx.roles.get(appId, id), 'app role', id);
    if (role.origin === 'default') {
      throw new RolegateError('ERR_CONFLICT', `'${role.displayName}' is the app's default role and cannot be deleted; disable it instead`);
    }
    await tx.roles.delete(appId, id);
  });
}
