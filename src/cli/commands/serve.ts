import type { Command } from 'commander';
import { loadConfig } from '../../config/config-schema.ts';
import { openRuntime } from '../../runtime/open-runtime.ts';
import { recordPublicUrl } from '../../runtime/public-url-setting.ts';
import { startServer } from '../../server/start-server.ts';
import { createLogger } from '../cli-runtime.ts';
import { BOOTSTRAP_ADMIN_UPN, bootstrapAdmin } from './bootstrap-admin.ts';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('run the identity provider (PORT, HOST, ROLEGATE_DATA_DIR, DATABASE_URL)')
    .action(async () => {
      const config = loadConfig();
      const logger = createLogger(config);
      const ctx = await openRuntime(config, logger);
      const publicHost = new URL(config.publicUrl).hostname;
      if (config.publicUrl.startsWith('http:') && !['127.0.0.1', 'localhost', '[::1]'].includes(publicHost)) {
        logger.warn({ publicUrl: config.publicUrl }, 'ROLEGATE_PUBLIC_URL is plain http on a non-loopback host: cookies are not Secure and assertions travel unencrypted; put rolegate behind https');
      }
      const boot = await bootstrapAdmin(ctx, config.dataDir);
      const server = await startServer(ctx, { host: config.HOST, port: config.PORT, logger });
      // PORT=0 lets the system pick: only the listening server knows its URL then.
      if (config.ROLEGATE_PUBLIC_URL === undefined && config.PORT === 0) ctx.publicUrl = server.url;
      // CLI runs (apps create) derive entity IDs from it rather than from their own PORT.
      await recordPublicUrl(ctx.store, ctx.publicUrl);
      const publicUrl = ctx.publicUrl;
      const store = config.DATABASE_URL ? 'PostgreSQL' : `SQLite (${config.dataDir}/rolegate.db)`;
      process.stdout.write(
        [
          '',
          `rolegate is running at ${publicUrl} (listening on ${server.url}), store: ${store}`,
          boot.created
            ? `First start: sign in as ${BOOTSTRAP_ADMIN_UPN} with the password in ${boot.passwordFile} (cat it, then delete the file).`
            : `Sign in at ${publicUrl}/signin`,
          `Admin API: ${publicUrl}/api/v1 (token: npx rolegate token create --name NAME), OpenAPI at ${publicUrl}/api/v1/openapi.json`,
          '',
        ].join('\n'),
      );
      const stop = async () => {
        await server.close();
        await ctx.store.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
