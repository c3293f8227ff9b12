import type { Command } from 'commander';
import { createApiToken } from '../../core/tokens/api-tokens.ts';
import { withRuntime } from '../cli-runtime.ts';

export function registerToken(program: Command): void {
  const token = program.command('token').description('admin API bearer tokens');
  token
    .command('create')
    .description('create an admin API token; it is printed once and stored only as a hash')
    .requiredOption('--name <name>', 'what the token is for, e.g. "ci"')
    .action(async (options: { name: string }) => {
      await withRuntime(async ({ ctx }) => {
        const { token: value, record } = await createApiToken(ctx, { name: options.name });
        process.stderr.write(`Created token '${record.name}' (id ${record.id}). It is shown only now:\n`);
        process.stdout.write(`${value}\n`);
      });
    });
  token
    .command('list')
    .description('list tokens (names and prefixes, never the tokens)')
    .action(async () => {
      await withRuntime(async ({ ctx }) => {
        for (const t of await ctx.store.tokens.list()) {
          process.stdout.write(`${t.id}  ${t.prefix}…  ${t.name}  created ${t.createdAt}  last used ${t.lastUsedAt ?? 'never'}\n`);
        }
      });
    });
}
