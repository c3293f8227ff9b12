import { resolveTransitiveGroupIds } from '../directory/resolve-transitive-groups.ts';
import type { App, AppRole, User } from '../model.ts';
import type { CoreContext } from '../core-context.ts';
import type { Store } from '../ports/store.ts';

export interface UserAccess {
  /** Whether the user holds any enabled role of the app, directly or through groups. */
  assigned: boolean;
  /** Values of the enabled roles, deduplicated, in a stable order. msiam_access has none. */
  roleValues: string[];
}

/** The user's roles on one app: direct assignments plus those of every group the user is in, transitively. */
export async function resolveUserAccess(store: Store, app: Pick<App, 'id'>, user: Pick<User, 'id'>): Promise<UserAccess> {
  return accessFromRoles(await store.assignments.listRolesForPrincipals(app.id, await principalIdsOf(store, user)));
}

/** The user's id and the ids of every group the user belongs to, transitively. */
async function principalIdsOf(store: Store, user: Pick<User, 'id'>): Promise<string[]> {
  return [user.id, ...(await resolveTransitiveGroupIds(store.groups, [user.id]))];
}

export function accessFromRoles(roles: readonly AppRole[]): UserAccess {
  const enabled = roles.filter((r) => r.enabled);
  const values = new Set<string>();
  for (const role of enabled) if (role.value !== null) values.add(role.value);
  return { assigned: enabled.length > 0, roleValues: [...values].sort() };
}

/**
 * The apps the user may open from My Apps: enabled, visible, and assigned — and, for
 * templates that need a role value (AWS), holding at least one, so no tile leads to an error.
 */
export async function listUserApps(ctx: Pick<CoreContext, 'store' | 'templates'>, user: Pick<User, 'id'>): Promise<App[]> {
  const store = ctx.store;
  const principalIds = await principalIdsOf(store, user);
  const appIds = new Set(await store.assignments.listAppIdsForPrincipals(principalIds));
  const apps = await store.apps.listAll();
  const visible: App[] = [];
  for (const app of apps) {
    if (!appIds.has(app.id) || !app.enabled || !app.visibleInMyApps) continue;
    // Only enabled roles count: an app whose every assigned role is disabled is not offered.
    const access = accessFromRoles(await store.assignments.listRolesForPrincipals(app.id, principalIds));
    const needsValues = ctx.templates.get(app.template)?.needsRoleValues ?? false;
    if (access.assigned && (!needsValues || access.roleValues.length > 0)) visible.push(app);
  }
  return visible;
}
