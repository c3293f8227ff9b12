import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Logger } from 'pino';
import type { CoreContext } from '../core/core-context.ts';
import { createServerApp } from './create-server-app.ts';
import { SigningKeyCache } from './sso/signing-key-cache.ts';

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startServer(ctx: CoreContext, options: { host: string; port: number; logger: Logger }): Promise<RunningServer> {
  const deps = {
    ctx,
    logger: options.logger,
    keys: new SigningKeyCache(ctx),
    secureCookies: ctx.publicUrl.startsWith('https:'),
  };
  const app = createServerApp(deps);
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: options.host, port: options.port }, (info: AddressInfo) => {
      const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${host}:${info.port}`,
        port: info.port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            // Keep-alive connections would otherwise hold close() open.
            if ('closeAllConnections' in server) server.closeAllConnections();
          }),
      });
    });
    server.once('error', reject);
  });
}
