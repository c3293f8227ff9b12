import type { Command } from 'commander';
import { loadConfig } from '../../config/config-schema.ts';
import { DEFAULT_SANDBOX_PORT, startSandbox } from '../../sandbox/start-sandbox.ts';
import { createLogger } from '../cli-runtime.ts';

export function registerSandbox(program: Command): void {
  program
    .command('sandbox')
    .description('run the local AWS sandbox (IAM, STS, Organizations, console sign-in) on http://127.0.0.1:4566')
    .option('--config <file>', 'accounts and SAML settings (default <data>/sandbox/config.json)')
    .action(async (o: { config?: string }) => {
      const config = loadConfig();
      // SPEC §2: long-running commands honour PORT; the sandbox's own default is 4566.
      const port = process.env.PORT ? config.PORT : (process.env.SANDBOX_PORT ? config.SANDBOX_PORT : DEFAULT_SANDBOX_PORT);
      const sandbox = await startSandbox({
        dataDir: config.dataDir,
        host: config.HOST,
        port,
        configPath: o.config,
        logger: createLogger(config),
      });
      const accounts = sandbox.admin.listAccounts();
      process.stdout.write(
        [
          '',
          `rolegate AWS sandbox is running at ${sandbox.url}`,
          `Accounts: ${accounts.map((a) => `${a.id}${a.alias ? ` (${a.alias})` : ''}`).join(', ')}`,
          `Credentials: ${sandbox.admin.credentialsFilePath} (one profile per account id)`,
          `Try: AWS_SHARED_CREDENTIALS_FILE=${sandbox.admin.credentialsFilePath} aws --profile ${accounts[0]?.id ?? '111111111111'} --endpoint-url ${sandbox.url} --region us-east-1 sts get-caller-identity`,
          '',
        ].join('\n'),
      );
      const stop = async () => {
        await sandbox.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
