import { RolegateError } from '../../errors/rolegate-error.ts';
import type { CoreContext } from '../core-context.ts';
import type { User } from '../model.ts';

// Verified against when the user does not exist or has no password, so that a wrong
// name and a wrong password take the same time and give the same answer (no enumeration).
let decoyHash: Promise<string> | undefined;

/**
 * Checks a user name and password. Every failure that could reveal whether the account
 * exists answers the same ERR_INVALID_CREDENTIALS; the real reason goes to `details`
 * for the server log only.
 */
export async function authenticateUser(ctx: CoreContext, userPrincipalName: string, password: string): Promise<User> {
  const user = await ctx.store.users.getByPrincipalName(userPrincipalName.trim());
  const stored = user ? await ctx.store.users.getPasswordHash(user.id) : null;
  decoyHash ??= ctx.passwords.hash('rolegate-decoy-password');
  const ok = await ctx.passwords.verify(stored ?? (await decoyHash), password);
  if (!user || !stored || !ok) {
    const reason = !user ? 'unknown user' : !stored ? 'user has no password' : 'wrong password';
    // The name as typed is not logged: people type their password into it by mistake.
    throw new RolegateError('ERR_INVALID_CREDENTIALS', 'The user name or password is incorrect.', {
      details: { reason, ...(user ? { userId: user.id } : {}) },
    });
  }
  // Only someone who knows the password learns that the account is disabled.
  if (!user.enabled) {
    throw new RolegateError('ERR_USER_DISABLED', 'This account is disabled. Ask your administrator to enable it.', {
      details: { userId: user.id },
    });
  }
  return user;
}
