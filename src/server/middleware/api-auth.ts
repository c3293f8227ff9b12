import type { MiddlewareHandler } from 'hono';
import { authenticateApiToken } from '../../core/tokens/api-tokens.ts';
import { RolegateError } from '../../errors/rolegate-error.ts';
import type { ServerDeps, ServerEnv } from '../server-env.ts';

/** Requires `Authorization: Bearer <token>` from `rolegate token create`. */
export function apiAuth(deps: ServerDeps): MiddlewareHandler<ServerEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) {
      c.header('WWW-Authenticate', 'Bearer realm="rolegate"');
      throw new RolegateError('ERR_UNAUTHENTICATED', 'missing bearer token: send Authorization: Bearer <token> (create one with `rolegate token create --name NAME`)');
    }
    const token = await authenticateApiToken(deps.ctx, match[1]!);
    c.get('logger').debug({ tokenId: token.id }, 'api token accepted');
    await next();
  };
}
