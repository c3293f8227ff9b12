import type { Command } from 'commander';
import { addGroupMember, createGroup, listGroups } from '../../core/directory/groups.ts';
import { createUser, listUsers } from '../../core/directory/users.ts';
import { printJson, withRuntime } from '../cli-runtime.ts';
import { readSecretFromStdin } from '../read-secret.ts';

export function registerDirectory(program: Command): void {
  const users = program.command('users').description('directory users');
  users
    .command('create')
    .description('create a user; with --password-stdin the password is read from standard input')
    .requiredOption('--upn <userPrincipalName>', 'sign-in name, e.g. alice@example.com')
    .requiredOption('--name <displayName>', 'display name')
    .option('--mail <mail>', 'e-mail address')
    .option('--attr <key=value...>', 'free-form attribute, repeatable (e.g. department=Finance)')
    .option('--password-stdin', 'read the password from standard input (never from the command line)')
    .action(async (o: { upn: string; name: string; mail?: string; attr?: string[]; passwordStdin?: boolean }) => {
      const password = o.passwordStdin ? await readSecretFromStdin() : undefined;
      const attributes = Object.fromEntries((o.attr ?? []).map((kv) => [kv.split('=')[0], kv.slice(kv.indexOf('=') + 1)]));
      await withRuntime(async ({ ctx }) => {
        printJson(await createUser(ctx, { userPrincipalName: o.upn, displayName: o.name, mail: o.mail, password, attributes }));
      });
    });
  users
    .command('list')
    .option('--search <text>', 'filter by name')
    .action(async (o: { search?: string }) => {
      await withRuntime(async ({ ctx }) => {
        const page = await listUsers(ctx, { limit: 1000 }, o.search);
        for (const u of page.items) process.stdout.write(`${u.id}  ${u.userPrincipalName}  ${u.displayName}${u.enabled ? '' : '  (disabled)'}\n`);
      });
    });

  const groups = program.command('groups').description('directory groups (nested groups are supported)');
  groups
    .command('create')
    .requiredOption('--name <displayName>', 'group name')
    .option('--description <text>', 'description')
    .action(async (o: { name: string; description?: string }) => {
      await withRuntime(async ({ ctx }) => printJson(await createGroup(ctx, { displayName: o.name, description: o.description })));
    });
  groups
    .command('list')
    .action(async () => {
      await withRuntime(async ({ ctx }) => {
        for (const g of (await listGroups(ctx, { limit: 1000 })).items) process.stdout.write(`${g.id}  ${g.displayName}\n`);
      });
    });
  groups
    .command('add-member')
    .argument('<groupId>', 'the group')
    .argument('<memberId>', 'a user id or a group id')
    .action(async (groupId: string, memberId: string) => {
      await withRuntime(async ({ ctx }) => printJson(await addGroupMember(ctx, groupId, { id: memberId })));
    });
}
