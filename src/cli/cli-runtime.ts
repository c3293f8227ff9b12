import pino, { type Logger } from 'pino';
import { loadConfig, type Config } from '../config/config-schema.ts';
import type { CoreContext } from '../core/core-context.ts';
import { openRuntime } from '../runtime/open-runtime.ts';

/** Config, logger and a wired core for one CLI command; `close` releases the store. */
export async function withRuntime<T>(fn: (rt: { config: Config; ctx: CoreContext; logger: Logger }) => Promise<T>): Promise<T> {
  const config = loadConfig();
  // Standard output is the command's result (JSON, a token, a list): log lines go to stderr.
  const logger = createLogger(config, 2);
  const ctx = await openRuntime(config, logger);
  try {
    return await fn({ config, ctx, logger });
  } finally {
    await ctx.store.close();
  }
}

/** Logs to stdout (long-running commands), or to `stderr` when given its file descriptor, 2. */
export function createLogger(config: Pick<Config, 'LOG_LEVEL'>, stderr?: 2): Logger {
  const options = {
    level: config.LOG_LEVEL,
    // Defence in depth: these fields must never reach a log line even if passed by mistake.
    redact: { paths: ['password', '*.password', 'token', '*.token', 'privateKey', '*.privateKey', 'SAMLResponse', 'authorization'], censor: '[redacted]' },
  };
  return stderr === undefined ? pino(options) : pino(options, pino.destination({ fd: stderr, sync: true }));
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
