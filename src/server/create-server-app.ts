import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { RolegateError } from '../errors/rolegate-error.ts';
import { adminApi } from './api/admin-api.ts';
import { handleError } from './handle-error.ts';
import { csrfToken } from './middleware/csrf.ts';
import { requestContext } from './middleware/request-context.ts';
import { securityHeaders } from './middleware/security-headers.ts';
import { ssoSession } from './middleware/sso-session.ts';
import { metadataRoutes } from './routes-metadata.ts';
import { signInRoutes } from './routes-sign-in.ts';
import { ssoRoutes } from './routes-sso.ts';
import type { ServerDeps, ServerEnv } from './server-env.ts';

// Role import carries whole appRoles documents (100,000 roles is about 25 MB); every other
// body is small. Limits are checked while the body streams in, before it is parsed.
const LIMITS = { import: 64 * 1024 * 1024, api: 1024 * 1024, pages: 256 * 1024 };

function limit(maxSize: number) {
  return bodyLimit({
    maxSize,
    onError: () => {
      throw new RolegateError('ERR_PAYLOAD_TOO_LARGE', `the request body is larger than ${maxSize} bytes`);
    },
  });
}

export function createServerApp(deps: ServerDeps): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>();
  app.onError(handleError);
  app.notFound((c) => handleError(new RolegateError('ERR_NOT_FOUND', `no such page: ${c.req.method} ${c.req.path}`), c));
  app.use('*', requestContext(deps));
  app.use('*', securityHeaders({ https: deps.secureCookies }));
  const importLimit = limit(LIMITS.import);
  const apiLimit = limit(LIMITS.api);
  app.use('/api/*', (c, next) => (c.req.path.endsWith('/roles/import') ? importLimit(c, next) : apiLimit(c, next)));
  app.get('/health', (c) => c.json({ status: 'ok' }));
  app.route('/api/v1', adminApi(deps));

  const pages = new Hono<ServerEnv>();
  pages.use('*', limit(LIMITS.pages));
  pages.use('*', csrfToken(deps));
  pages.use('*', ssoSession(deps));
  pages.route('/', signInRoutes(deps));
  pages.route('/', ssoRoutes(deps));
  pages.route('/', metadataRoutes(deps));
  app.route('/', pages);
  return app;
}
