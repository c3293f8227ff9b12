import { Hono } from 'hono';
import { apiAuth } from '../middleware/api-auth.ts';
import type { ServerDeps, ServerEnv } from '../server-env.ts';
import { ApiRouter } from './api-router.ts';
import { registerAppsApi } from './apps-api.ts';
import { registerDirectoryApi } from './directory-api.ts';
import { buildOpenApiDocument } from './openapi-document.ts';
import { registerPreviewApi } from './preview-api.ts';
import { registerRolesApi } from './roles-api.ts';

/** The admin REST API, mounted at /api/v1. The OpenAPI document is public; everything else needs a bearer token. */
export function adminApi(deps: ServerDeps): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>();
  const protectedApi = new Hono<ServerEnv>();
  protectedApi.use('*', apiAuth(deps));
  const router = new ApiRouter(protectedApi);
  registerDirectoryApi(router, deps);
  registerAppsApi(router, deps);
  registerRolesApi(router, deps);
  registerPreviewApi(router, deps);
  const document = buildOpenApiDocument(router.operations, deps.ctx.publicUrl);
  app.get('/openapi.json', (c) => c.json(document));
  app.route('/', protectedApi);
  return app;
}
