import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { loadConfig } from '../../src/config/config-schema.ts';
import type { CoreContext } from '../../src/core/core-context.ts';
import { createApiToken } from '../../src/core/tokens/api-tokens.ts';
import { openRuntime } from '../../src/runtime/open-runtime.ts';
import { startServer } from '../../src/server/start-server.ts';

export interface TestIdp {
  url: string;
  ctx: CoreContext;
  token: string;
  dataDir: string;
  /** Calls the admin API with the bearer token; JSON in, JSON out. */
  api(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }>;
  close(): Promise<void>;
}

/** A real rolegate server on a random port, with its own data directory and SQLite store. */
export async function startTestIdp(options: { now?: () => Date; env?: Record<string, string> } = {}): Promise<TestIdp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'rolegate-test-'));
  const config = loadConfig({ ROLEGATE_DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'silent', ...options.env });
  const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const ctx = await openRuntime({ ...config, publicUrl: 'http://127.0.0.1:0' }, logger);
  if (options.now) ctx.now = options.now;
  const server = await startServer(ctx, { host: '127.0.0.1', port: 0, logger });
  // Entity IDs and SSO URLs derive from the public URL, which is known only once the port is.
  ctx.publicUrl = server.url;
  const { token } = await createApiToken(ctx, { name: 'test' });
  return {
    url: server.url,
    ctx,
    token,
    dataDir,
    async api(method, path, body) {
      const response = await fetch(`${server.url}/api/v1${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : undefined };
    },
    async close() {
      await server.close();
      await ctx.store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
