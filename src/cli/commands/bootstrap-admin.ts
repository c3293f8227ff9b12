import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CoreContext } from '../../core/core-context.ts';
import { createUser } from '../../core/directory/users.ts';

export const BOOTSTRAP_ADMIN_UPN = 'admin@rolegate.local';
const BOOTSTRAP_KEY = 'bootstrap.admin';

/**
 * On the very first start, creates an administrator with a random password. The password
 * is written to a 0600 file in the data directory, not to the log.
 */
export async function bootstrapAdmin(ctx: CoreContext, dataDir: string): Promise<{ created: boolean; passwordFile: string }> {
  const passwordFile = join(dataDir, 'initial-admin-password');
  if (await ctx.store.settings.get(BOOTSTRAP_KEY)) return { created: false, passwordFile };
  if (await ctx.store.users.getByPrincipalName(BOOTSTRAP_ADMIN_UPN)) {
    await ctx.store.settings.set(BOOTSTRAP_KEY, new Date().toISOString());
    return { created: false, passwordFile };
  }
  const password = randomBytes(18).toString('base64url');
  await createUser(ctx, { userPrincipalName: BOOTSTRAP_ADMIN_UPN, displayName: 'rolegate administrator', password });
  writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
  await ctx.store.settings.set(BOOTSTRAP_KEY, new Date().toISOString());
  return { created: true, passwordFile };
}
