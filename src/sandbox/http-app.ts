import { randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createConsoleRoutes } from './console/index.ts';
import { renderIndexPage } from './pages/index-page.ts';
import { handleJsonRequest } from './protocol/handle-json-request.ts';
import { handleQueryRequest } from './protocol/handle-query-request.ts';
import type { SandboxRuntime } from './protocol/query-context.ts';
import { IAM_NAMESPACE, writeQueryError } from './protocol/write-query-xml.ts';
import type { IncomingSignedRequest } from './sigv4/verify-sigv4-request.ts';

export interface SandboxAppOptions {
  runtime: SandboxRuntime;
  /** Largest request body; IAM metadata documents may be up to 10,000,000 characters. Default 32 MiB. */
  maxBodyBytes?: number;
}

export const DEFAULT_MAX_BODY_BYTES = 32 * 1024 * 1024;

/**
 * The sandbox's HTTP surface: `POST /` and `GET /?Action=…` for the Query protocols (IAM,
 * STS), `POST /` with `X-Amz-Target` for Organizations (awsJson1_1), the console sign-in
 * routes (`POST /saml` …), `GET /` (index page) and `GET /health`.
 */
export function createSandboxApp(options: SandboxAppOptions): Hono {
  const { runtime } = options;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  if (!Number.isInteger(maxBodyBytes) || maxBodyBytes < 1024) throw new TypeError('maxBodyBytes must be an integer of at least 1024');
  const app = new Hono();

  app.use('*', async (c, next) => {
    await next();
    // The SDKs correct their clock from this header, which keeps an injected clock coherent.
    c.header('Date', runtime.now().toUTCString());
  });

  app.get('/health', (c) => c.json({ status: 'ok' }));

  app.get('/', async (c) => {
    if (new URL(c.req.url).searchParams.has('Action')) return answerAws(c, runtime, new Uint8Array());
    return c.html(await renderIndexPage(runtime.store.state, runtime.publicUrl, runtime.store.paths.credentialsPath));
  });

  app.post(
    '/',
    bodyLimit({
      maxSize: maxBodyBytes,
      onError: (c) => {
        const requestId = randomUUID();
        const message = `Request body is larger than ${maxBodyBytes} bytes`;
        c.header('x-amzn-RequestId', requestId);
        if (c.req.header('x-amz-target') !== undefined) {
          return c.body(JSON.stringify({ __type: 'RequestEntityTooLargeException', Message: message }), 413, {
            'content-type': 'application/x-amz-json-1.1',
          });
        }
        return c.body(writeQueryError(IAM_NAMESPACE, { type: 'Sender', code: 'RequestEntityTooLarge', message }, requestId), 413, {
          'content-type': 'text/xml',
        });
      },
    }),
    async (c) => answerAws(c, runtime, new Uint8Array(await c.req.arrayBuffer())),
  );

  app.route(
    '/',
    createConsoleRoutes({ directory: runtime.directory, options: runtime.samlOptions, publicUrl: runtime.publicUrl }),
  );
  return app;
}

async function answerAws(c: Context, runtime: SandboxRuntime, body: Uint8Array): Promise<Response> {
  const requestId = randomUUID();
  const url = new URL(c.req.url);
  const rawUrl = c.req.url.slice(url.origin.length);
  const queryAt = rawUrl.indexOf('?');
  const request: IncomingSignedRequest = {
    method: c.req.method,
    rawPath: queryAt < 0 ? rawUrl : rawUrl.slice(0, queryAt),
    rawQuery: queryAt < 0 ? '' : rawUrl.slice(queryAt + 1),
    header: (name) => c.req.header(name),
    body,
  };
  c.header('x-amzn-RequestId', requestId);
  if (request.header('x-amz-target') !== undefined) {
    const result = await handleJsonRequest(request, runtime, requestId);
    return c.body(result.body, result.status as 200, { 'content-type': 'application/x-amz-json-1.1' });
  }
  const result = await handleQueryRequest(request, runtime, requestId);
  return c.body(result.body, result.status as 200, { 'content-type': 'text/xml' });
}
