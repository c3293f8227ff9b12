import { resolve } from 'node:path';
import { z } from 'zod';
import { RolegateError } from '../errors/rolegate-error.ts';

/**
 * rolegate's configuration, read from the environment (SPEC §2). One schema gives the
 * types, the defaults and the documentation (docs/configuration.md lists the same).
 * Secrets (ROLEGATE_MASTER_KEY, DATABASE_URL passwords) come only from the environment.
 */
export const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080).describe('Port of the IdP (rolegate serve).'),
  HOST: z.string().min(1).default('127.0.0.1').describe('Interface to listen on.'),
  SANDBOX_PORT: z.coerce.number().int().min(0).max(65535).default(4566).describe('Port of the AWS sandbox.'),
  ROLEGATE_DATA_DIR: z.string().min(1).default('./data').describe('Data directory: SQLite database, master key, sandbox state.'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional()
    .describe('PostgreSQL connection URL; when unset, the embedded SQLite store is used.'),
  ROLEGATE_MASTER_KEY: z
    .string()
    .optional()
    .describe(
      '32-byte key (64 hex characters or base64) that encrypts secrets at rest; when unset, <data>/master.key is used (created 0600). ' +
        'With DATABASE_URL, set it to the same key on every node and CLI run: a database refuses any other key.',
    ),
  ROLEGATE_PUBLIC_URL: z
    .url()
    .optional()
    .describe(
      'Public base URL of the IdP (entity IDs, SSO URLs); defaults to http://HOST:PORT. CLI commands without it use the URL ' +
        'the last `rolegate serve` recorded in the database, else that default.',
    ),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = z.output<typeof configSchema> & { dataDir: string; publicUrl: string };

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // An empty variable (`DATABASE_URL=`) means unset, as in most shells' config files — except
  // the master key: an empty one is a mistake that would quietly switch to another key.
  if (env.ROLEGATE_MASTER_KEY === '') {
    throw new RolegateError('ERR_CONFIG', 'configuration ROLEGATE_MASTER_KEY is set but empty: unset it to use <data>/master.key');
  }
  const set = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const result = configSchema.safeParse(set);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    // Never echo the value: it may be a secret.
    throw new RolegateError('ERR_CONFIG', `configuration ${issue.path.join('.')}: ${issue.message}`);
  }
  const config = result.data;
  const host = config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST;
  return {
    ...config,
    dataDir: resolve(config.ROLEGATE_DATA_DIR),
    publicUrl: (config.ROLEGATE_PUBLIC_URL ?? `http://${host}:${config.PORT}`).replace(/\/+$/, ''),
  };
}
