import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { ServerDeps, ServerEnv } from '../server-env.ts';

/** Gives each request an id (echoed in `x-request-id`) and a child logger that carries it. */
export function requestContext(deps: ServerDeps): MiddlewareHandler<ServerEnv> {
  return async (c, next) => {
    const requestId = randomUUID();
    const logger = deps.logger.child({ requestId });
    c.set('requestId', requestId);
    c.set('logger', logger);
    c.set('session', undefined);
    const started = performance.now();
    await next();
    c.header('x-request-id', requestId);
    // The path only: query strings can carry SAMLRequest and RelayState.
    logger.info({ method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(performance.now() - started) }, 'request');
  };
}
