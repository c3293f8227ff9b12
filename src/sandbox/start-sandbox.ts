import { mkdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createAdaptorServer } from '@hono/node-server';
import type { Hono } from 'hono';
import { pino, type Logger } from 'pino';
import { createSandboxApp } from './http-app.ts';
import { createSandboxAdmin, type SandboxAdmin } from './sandbox-admin.ts';
import { loadSandboxConfig, type SandboxConfig } from './sandbox-config.ts';
import { createSandboxDirectory } from './sandbox-directory.ts';
import { createSamlValidationOptions } from './saml/validation-options.ts';
import type { SandboxRuntime } from './protocol/query-context.ts';
import { SandboxStore } from './state/sandbox-store.ts';

export interface SandboxOptions {
  dataDir: string;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 4566; 0 picks a free port. */
  port?: number;
  /** The URL browsers and SAML responses use for this sandbox; default the listening URL. */
  publicUrl?: string;
  /** Default `<dataDir>/sandbox/config.json` (optional there; required when given). */
  configPath?: string;
  now?: () => Date;
  logger?: Logger;
  /** With no config and no state, create account 111111111111 so the sandbox is usable. Default true. */
  seedDefaultAccount?: boolean;
  /** Largest request body in bytes (default 32 MiB). */
  maxBodyBytes?: number;
}

export interface RunningSandbox {
  url: string;
  port: number;
  admin: SandboxAdmin;
  close(): Promise<void>;
}

export const DEFAULT_SANDBOX_PORT = 4566;
export const DEFAULT_ACCOUNT_ID = '111111111111';

/**
 * Starts the sandbox: loads `<dataDir>/sandbox/state.json`, applies the config, writes the
 * shared-credentials file and listens. State files hold secrets and are mode 0600.
 */
export async function startSandbox(options: SandboxOptions): Promise<RunningSandbox> {
  const now = options.now ?? (() => new Date());
  const logger = options.logger ?? pino({ level: 'warn' });
  const sandboxDir = join(options.dataDir, 'sandbox');
  await mkdir(sandboxDir, { recursive: true, mode: 0o700 });
  const configPath = options.configPath ?? join(sandboxDir, 'config.json');
  const config = await loadSandboxConfig(configPath, options.configPath !== undefined);
  const store = await SandboxStore.open(
    { statePath: join(sandboxDir, 'state.json'), credentialsPath: join(sandboxDir, 'credentials') },
    now,
  );
  const admin = createSandboxAdmin(store, now);
  await applyConfig(store, admin, config, options.seedDefaultAccount ?? true);

  // The app needs the public URL, which with port 0 is known only after listening.
  let app: Hono | undefined;
  const server = createAdaptorServer({
    fetch: (request: Request) => (app === undefined ? new Response('starting', { status: 503 }) : app.fetch(request)),
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? DEFAULT_SANDBOX_PORT, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  const publicUrl = (options.publicUrl ?? url).replace(/\/+$/, '');
  const runtime: SandboxRuntime = {
    store,
    now,
    publicUrl,
    logger,
    directory: createSandboxDirectory(store),
    samlOptions: () =>
      createSamlValidationOptions({
        now: now(),
        publicUrl,
        allowSha1: config.saml.allowSha1,
        clockSkewSeconds: config.saml.clockSkewSeconds,
      }),
  };
  app = createSandboxApp({ runtime, ...(options.maxBodyBytes === undefined ? {} : { maxBodyBytes: options.maxBodyBytes }) });
  logger.info({ url, publicUrl, credentials: store.paths.credentialsPath }, 'rolegate sandbox listening');
  return {
    url,
    port: address.port,
    admin,
    close: async () => {
      await new Promise<void>((done) => {
        server.close(() => done());
        if ('closeAllConnections' in server) server.closeAllConnections();
      });
      await store.flush();
    },
  };
}

async function applyConfig(store: SandboxStore, admin: SandboxAdmin, config: SandboxConfig, seed: boolean): Promise<void> {
  for (const declared of config.accounts) {
    const existing = store.state.accounts.find((a) => a.id === declared.id);
    if (existing === undefined) {
      await admin.createAccount(declared);
      continue;
    }
    await store.mutate(() => {
      if (declared.roleLimit !== undefined) existing.roleLimit = declared.roleLimit;
      if (declared.name !== undefined) existing.name = declared.name;
      if (declared.email !== undefined) existing.email = declared.email;
    });
    if (declared.alias !== undefined && existing.alias !== declared.alias) {
      await admin.createAccountAlias(declared.id, declared.alias);
    }
  }
  if (store.state.accounts.length === 0 && seed) await admin.createAccount({ id: DEFAULT_ACCOUNT_ID });
  // Always (re)write state and credentials so the files exist with their modes from the start.
  await store.mutate(() => undefined);
}
