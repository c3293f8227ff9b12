import { RolegateError } from '../../errors/rolegate-error.ts';
import { templateOf } from '../apps/apps.ts';
import type { CoreContext } from '../core-context.ts';
import type { AppRole } from '../model.ts';
import { newId } from '../new-id.ts';
import type { Store } from '../ports/store.ts';
import { found } from '../not-found.ts';
import { parseGraphAppRoles, type GraphAppRole } from './graph-app-roles-input.ts';

export interface ImportSummary {
  received: number;
  added: number;
  updated: number;
  unchanged: number;
  /** Entries with a null value (the default msiam_access role): never imported. */
  skipped: number;
}

/**
 * Appends and merges roles: a value not yet on the app is added (enabled, no description,
 * unless the entry says otherwise), a known value has its display name, and its description
 * and enabled flag when the entry carries them, brought up to date. Nothing is ever deleted
 * or replaced wholesale (seed 001's "Replace approach and not Append" is gone). Every entry
 * is validated before anything is written, and the writes happen in one transaction.
 */
export async function importAppRoles(ctx: CoreContext, appId: string, input: unknown): Promise<ImportSummary> {
  const { entries, pathOf } = parseGraphAppRoles(input);
  const app = found(await ctx.store.apps.get(appId), 'app', appId);
  const template = templateOf(ctx, app);
  const byValue = new Map<string, GraphAppRole>();
  let skipped = 0;
  entries.forEach((entry, index) => {
    if (entry.value === null || entry.value === '') {
      skipped++;
      return;
    }
    let value: string;
    try {
      value = template.normalizeRoleValue(entry.value);
    } catch (error) {
      const reason = error instanceof RolegateError ? error.message : String(error);
      const field = `${pathOf(index)}.value`;
      throw new RolegateError('ERR_VALIDATION', `${field}: ${reason}`, { field });
    }
    // The last entry for a value wins, as a later line of the same file is the newer intent.
    byValue.set(value, entry);
  });

  const now = ctx.now().toISOString();
  return ctx.store.transaction(async (tx) => {
    const existing = await rolesByValue(tx, appId);
    const toAdd: AppRole[] = [];
    let updated = 0;
    let unchanged = 0;
    for (const [value, entry] of byValue) {
      const current = existing.get(value);
      if (current === undefined) {
        const { displayName, description = null, isEnabled: enabled = true } = entry;
        toAdd.push({ id: newId(), appId, value, displayName, description, enabled, origin: 'import', createdAt: now, updatedAt: now });
        continue;
      }
      // Only what the entry says: a file without isEnabled must not re-enable a role an admin
      // disabled, nor one without description wipe it.
      const displayName = entry.displayName;
      const description = entry.description === undefined ? current.description : entry.description;
      const enabled = entry.isEnabled ?? current.enabled;
      if (current.displayName === displayName && current.description === description && current.enabled === enabled) {
        unchanged++;
        continue;
      }
      await tx.roles.update({ ...current, displayName, description, enabled, updatedAt: now });
      updated++;
    }
    if (toAdd.length > 0) await tx.roles.insertMany(toAdd);
    return { received: entries.length, added: toAdd.length, updated, unchanged, skipped };
  });
}

/** Every role of the app by value, read page by page (one query per thousand roles, not one per role). */
async function rolesByValue(store: Store, appId: string): Promise<Map<string, AppRole>> {
  const byValue = new Map<string, AppRole>();
  let after: string | undefined;
  do {
    const page = await store.roles.list(appId, after === undefined ? { limit: 1000 } : { limit: 1000, after });
    for (const role of page.items) if (role.value !== null) byValue.set(role.value, role);
    after = page.next;
  } while (after !== undefined);
  return byValue;
}
