import { RolegateError } from '../../errors/rolegate-error.ts';
import type { CoreContext } from '../core-context.ts';
import type { Page, PageRequest, User } from '../model.ts';
import { newId } from '../new-id.ts';
import { found } from '../not-found.ts';
import { parseInput } from '../parse-input.ts';
import { createUserInput, updateUserInput } from './user-input.ts';

export async function createUser(ctx: CoreContext, input: unknown): Promise<User> {
  const data = parseInput(createUserInput, input);
  const now = ctx.now().toISOString();
  const user: User = {
    id: newId(),
    userPrincipalName: data.userPrincipalName,
    displayName: data.displayName,
    mail: data.mail ?? null,
    enabled: data.enabled ?? true,
    attributes: data.attributes ?? {},
    createdAt: now,
    updatedAt: now,
  };
  const passwordHash = data.password === undefined ? null : await ctx.passwords.hash(data.password);
  return ctx.store.users.insert(user, passwordHash);
}

export async function getUser(ctx: CoreContext, id: string): Promise<User> {
  return found(await ctx.store.users.get(id), 'user', id);
}

export async function findUserByPrincipalName(ctx: CoreContext, userPrincipalName: string): Promise<User> {
  return found(await ctx.store.users.getByPrincipalName(userPrincipalName), 'user', userPrincipalName);
}

export async function listUsers(ctx: CoreContext, page: PageRequest, search?: string): Promise<Page<User>> {
  return ctx.store.users.list(page, search === undefined ? undefined : { search });
}

export async function updateUser(ctx: CoreContext, id: string, input: unknown): Promise<User> {
  const data = parseInput(updateUserInput, input);
  // Hash before the transaction: argon2 takes tens of milliseconds and must not hold a write lock.
  const passwordHash = data.password === undefined ? undefined : await ctx.passwords.hash(data.password);
  return ctx.store.transaction(async (tx) => {
    const current = found(await tx.users.get(id), 'user', id);
    const next: User = {
      ...current,
      userPrincipalName: data.userPrincipalName ?? current.userPrincipalName,
      displayName: data.displayName ?? current.displayName,
      mail: data.mail === undefined ? current.mail : data.mail,
      enabled: data.enabled ?? current.enabled,
      attributes: data.attributes ?? current.attributes,
      updatedAt: ctx.now().toISOString(),
    };
    const updated = found(await tx.users.update(next), 'user', id);
    if (passwordHash !== undefined) await tx.users.setPasswordHash(id, passwordHash);
    // A new password or a disabled account must end every sign-in made before it.
    if (passwordHash !== undefined || (current.enabled && !next.enabled)) await tx.sessions.deleteForUser(id);
    return updated;
  });
}

export async function deleteUser(ctx: CoreContext, id: string): Promise<void> {
  if (!(await ctx.store.users.delete(id))) throw new RolegateError('ERR_NOT_FOUND', `user '${id}' was not found`);
}
