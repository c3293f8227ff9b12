import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { createApp, getApp, listApps, updateApp } from '../../core/apps/apps.ts';
import { createRole, listRoles } from '../../core/roles/app-roles.ts';
import { createAssignment } from '../../core/roles/assignments.ts';
import { importAppRoles } from '../../core/roles/import-app-roles.ts';
import { RolegateError } from '../../errors/rolegate-error.ts';
import { describePublicUrl, resolvePublicUrl } from '../../runtime/public-url-setting.ts';
import { printJson, withRuntime } from '../cli-runtime.ts';

export function registerApps(program: Command): void {
  const apps = program.command('apps').description('SAML applications');
  apps
    .command('create')
    .requiredOption('--name <displayName>', 'application name')
    .option('--template <template>', 'aws or generic-saml', 'aws')
    .option('--identifier <uri...>', 'SP identifier(s) (entity ID); AWS default urn:amazon:webservices')
    .option('--reply-url <url...>', 'reply (ACS) URL(s); AWS default https://signin.aws.amazon.com/saml')
    .action(async (o: { name: string; template: string; identifier?: string[]; replyUrl?: string[] }) => {
      await withRuntime(async ({ config, ctx }) => {
        // The entity ID is fixed at creation: it must name the URL the server runs at.
        const publicUrl = await resolvePublicUrl(ctx.store, config);
        ctx.publicUrl = publicUrl.url;
        process.stderr.write(`IdP base URL: ${describePublicUrl(publicUrl)}\n`);
        const app = await createApp(ctx, {
          template: o.template,
          displayName: o.name,
          ...(o.identifier ? { identifiers: o.identifier } : {}),
          ...(o.replyUrl ? { replyUrls: o.replyUrl } : {}),
        });
        printJson(app);
        process.stderr.write(`Federation metadata: ${ctx.publicUrl}/saml/${app.id}/metadata\n`);
      });
    });
  apps
    .command('list')
    .action(async () => {
      await withRuntime(async ({ ctx }) => {
        for (const a of (await listApps(ctx, { limit: 1000 })).items) {
          process.stdout.write(`${a.id}  ${a.template.padEnd(12)}  ${a.displayName}${a.enabled ? '' : '  (disabled)'}\n`);
        }
      });
    });
  apps
    .command('show')
    .argument('<appId>')
    .action(async (appId: string) => {
      await withRuntime(async ({ ctx }) => printJson(await getApp(ctx, appId)));
    });
  apps
    .command('set')
    .description('update SAML settings with a JSON patch, e.g. \'{"sessionDuration": 7200}\'')
    .argument('<appId>')
    .argument('<json>')
    .action(async (appId: string, json: string) => {
      await withRuntime(async ({ ctx }) => printJson(await updateApp(ctx, appId, parseJsonArgument(json))));
    });
  apps
    .command('assign')
    .description('assign a user or group to an app role')
    .argument('<appId>')
    .requiredOption('--principal <id>', 'user or group id')
    .requiredOption('--role <appRoleId>', 'app role id')
    .action(async (appId: string, o: { principal: string; role: string }) => {
      await withRuntime(async ({ ctx }) => printJson(await createAssignment(ctx, appId, { principalId: o.principal, appRoleId: o.role })));
    });

  const roles = program.command('roles').description('app roles');
  roles
    .command('import')
    .description('import an appRoles JSON file (seed 001 format): appends and merges, never deletes')
    .argument('<file>', 'JSON file with {"appRoles": [...]}')
    .requiredOption('--app <appId>', 'the application')
    .action(async (file: string, o: { app: string }) => {
      const input = parseJsonArgument(readFileSync(file, 'utf8'));
      await withRuntime(async ({ ctx }) => printJson(await importAppRoles(ctx, o.app, input)));
    });
  roles
    .command('create')
    .requiredOption('--app <appId>', 'the application')
    .requiredOption('--value <value>', 'for AWS: roleArn,samlProviderArn')
    .requiredOption('--name <displayName>', 'display name')
    .action(async (o: { app: string; value: string; name: string }) => {
      await withRuntime(async ({ ctx }) => printJson(await createRole(ctx, o.app, { value: o.value, displayName: o.name })));
    });
  roles
    .command('list')
    .requiredOption('--app <appId>', 'the application')
    .action(async (o: { app: string }) => {
      await withRuntime(async ({ ctx }) => {
        let after: string | undefined;
        do {
          const page = await listRoles(ctx, o.app, after ? { limit: 1000, after } : { limit: 1000 });
          for (const r of page.items) process.stdout.write(`${r.id}  ${r.enabled ? ' ' : 'x'}  ${r.displayName}  ${r.value ?? ''}\n`);
          after = page.next;
        } while (after);
      });
    });
}

function parseJsonArgument(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new RolegateError('ERR_VALIDATION', 'the argument is not valid JSON');
  }
}
