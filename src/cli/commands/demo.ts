import { join } from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../../config/config-schema.ts';
import { openRuntime } from '../../runtime/open-runtime.ts';
import { startSandbox } from '../../sandbox/start-sandbox.ts';
import { startServer } from '../../server/start-server.ts';
import { createLogger } from '../cli-runtime.ts';
import { DEMO_ACCOUNTS, DEMO_USERS } from '../demo/demo-directory.ts';
import { seedDemo } from '../demo/seed-demo.ts';

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('start the IdP (PORT, 8080) and the AWS sandbox (SANDBOX_PORT, 4566) with sample accounts, roles and people')
    .action(async () => {
      const config = loadConfig();
      // The demo keeps its data apart from a real installation's.
      const dataDir = join(config.dataDir, 'demo');
      const logger = createLogger({ LOG_LEVEL: process.env.LOG_LEVEL ? config.LOG_LEVEL : 'warn' });
      const ctx = await openRuntime({ ...config, dataDir, DATABASE_URL: undefined }, logger);
      const sandbox = await startSandbox({ dataDir, host: config.HOST, port: config.SANDBOX_PORT, logger, seedDefaultAccount: false });
      const server = await startServer(ctx, { host: config.HOST, port: config.PORT, logger });
      const seed = await seedDemo({ ctx, sandbox: sandbox.admin, sandboxUrl: sandbox.url, idpUrl: config.publicUrl });
      const lines = [
        '',
        'rolegate demo',
        `  Identity provider (My Apps):  ${config.publicUrl}/`,
        `  AWS sandbox:                  ${sandbox.url}/`,
        `  Data:                         ${dataDir}${seed.created ? ' (sample data created)' : ' (sample data from an earlier run)'}`,
        '',
        'Sign in at the IdP as one of these demo people, then click the AWS tile:',
        ...DEMO_USERS.map((u) => `  ${u.upn.padEnd(22)} password ${u.password.padEnd(22)} ${u.name} (${u.groups.join(', ')})`),
        '',
        `Accounts in the sandbox: ${DEMO_ACCOUNTS.map((a) => `${a.alias} (${a.id})`).join(', ')}`,
        `App metadata:   ${config.publicUrl}/saml/${seed.app.id}/metadata`,
        `Admin API:      ROLEGATE_DATA_DIR=${dataDir} npx rolegate token create --name demo`,
        `AWS CLI:        AWS_SHARED_CREDENTIALS_FILE=${sandbox.admin.credentialsFilePath} aws --profile 111111111111 --endpoint-url ${sandbox.url} --region us-east-1 iam list-roles`,
        '',
        'Press Ctrl+C to stop.',
        '',
      ];
      process.stdout.write(lines.join('\n'));
      const stop = async () => {
        await server.close();
        await sandbox.close();
        await ctx.store.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
