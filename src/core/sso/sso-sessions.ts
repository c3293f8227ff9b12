import type { CoreContext } from '../core-context.ts';
import type { SsoSession, User } from '../model.ts';
import { newId } from '../new-id.ts';
import { hashSecretToken, newSecretToken } from '../tokens/secret-token.ts';

export const SSO_SESSION_SECONDS = 8 * 3600;
const PURGE_INTERVAL_MS = 10 * 60_000;
let lastPurge = 0;

/** Starts a sign-in session; the cookie value is returned once and stored only as a hash. */
export async function startSsoSession(ctx: CoreContext, user: User): Promise<{ cookieValue: string; session: SsoSession }> {
  const now = ctx.now();
  // Expired sessions are swept at sign-in, at most every ten minutes, so the table stays small.
  if (now.getTime() - lastPurge > PURGE_INTERVAL_MS) {
    lastPurge = now.getTime();
    await ctx.store.sessions.deleteExpired(now.toISOString());
  }
  const { token, tokenHash } = newSecretToken('rgs');
  const session = await ctx.store.sessions.insert({
    id: newId(),
    tokenHash,
    userId: user.id,
    authnInstant: now.toISOString(),
    expiresAt: new Date(now.getTime() + SSO_SESSION_SECONDS * 1000).toISOString(),
    createdAt: now.toISOString(),
  });
  return { cookieValue: token, session };
}

/** The live session and its user, or undefined when the cookie is unknown, expired, or the user is gone or disabled. */
export async function resumeSsoSession(ctx: CoreContext, cookieValue: string): Promise<{ session: SsoSession; user: User } | undefined> {
  const session = await ctx.store.sessions.getByHash(hashSecretToken(cookieValue));
  if (!session || Date.parse(session.expiresAt) <= ctx.now().getTime()) return undefined;
  const user = await ctx.store.users.get(session.userId);
  if (!user || !user.enabled) return undefined;
  return { session, user };
}

export async function endSsoSession(ctx: CoreContext, cookieValue: string): Promise<void> {
  const session = await ctx.store.sessions.getByHash(hashSecretToken(cookieValue));
  if (session) await ctx.store.sessions.delete(session.id);
}
