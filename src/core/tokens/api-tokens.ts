import { z } from 'zod';
import { RolegateError } from '../../errors/rolegate-error.ts';
import type { CoreContext } from '../core-context.ts';
import type { ApiToken } from '../model.ts';
import { newId } from '../new-id.ts';
import { parseInput } from '../parse-input.ts';
import { hashSecretToken, newSecretToken } from './secret-token.ts';

const tokenName = z.strictObject({ name: z.string().trim().min(1).max(128) });

/** Creates an admin API token. The token is returned once and only its hash is stored. */
export async function createApiToken(ctx: CoreContext, input: unknown): Promise<{ token: string; record: ApiToken }> {
  const { name } = parseInput(tokenName, input);
  const { token, tokenHash } = newSecretToken('rgat');
  const record = await ctx.store.tokens.insert({
    id: newId(),
    name,
    prefix: token.slice(0, 12),
    tokenHash,
    createdAt: ctx.now().toISOString(),
    lastUsedAt: null,
  });
  return { token, record };
}

export async function authenticateApiToken(ctx: CoreContext, token: string): Promise<ApiToken> {
  const record = await ctx.store.tokens.getByHash(hashSecretToken(token));
  if (!record) throw new RolegateError('ERR_UNAUTHENTICATED', 'the bearer token is not valid');
  const now = ctx.now();
  // Record use at most once a minute, so reads do not turn into a write per request.
  if (!record.lastUsedAt || now.getTime() - Date.parse(record.lastUsedAt) > 60_000) {
    await ctx.store.tokens.touch(record.id, now.toISOString());
  }
  return record;
}
