import pino, { type Logger } from 'pino';
import { loadConfig, type Config } from '../config/config-schema.ts';
import type { CoreContext } from '../core/core-context.ts';
import { openRuntime } from '../runtime/open-runtime.ts';

/** Config, logger and a wired core for one CLI command; `close` releases the store. */
export async function withRuntime<T>(fn: (rt: { config: Config; ctx: CoreContext; logger: Logger }) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const logger = createLogger(config);
  const ctx = await openRuntime(config, logger);
  try {
    return await fn({ config, ctx, logger });
  } finally {
    await ctx.store.close();
  }
}

export function createLogger(config: Pick<Config, 'LOG_LEVEL'>): Logger {
  return pino({
    level: config.LOG_LEVEL,
    // Defence in depth: these fields must never reach a log line even if passed by mistake.
    redact: { paths: ['password', '*.password', 'token', '*.token', 'privateKey', '*.privateKey', 'SAMLResponse', 'authorization'], censor: '[redacted]' },
  });
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
