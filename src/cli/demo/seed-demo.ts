import type { CoreContext } from '../../core/core-context.ts';
import { AWS_ATTRIBUTE_NAMESPACE } from '../../aws/aws-app-template.ts';
import { createApp, updateApp } from '../../core/apps/apps.ts';
import { addGroupMember, createGroup } from '../../core/directory/groups.ts';
import { createUser } from '../../core/directory/users.ts';
import type { App } from '../../core/model.ts';
import { createAssignment } from '../../core/roles/assignments.ts';
import { importAppRoles } from '../../core/roles/import-app-roles.ts';
import type { SandboxAdmin } from '../../sandbox/sandbox-admin.ts';
import { DEMO_ACCOUNTS, DEMO_GROUPS, DEMO_ROLES, DEMO_USERS } from './demo-directory.ts';

const SEEDED_KEY = 'demo.seeded';
const PROVIDER_NAME = 'rolegate';

export interface DemoSeed {
  app: App;
  /** Set when the data was created by this call; false when an earlier run had done it. */
  created: boolean;
}

/**
 * Sets up the demo on both sides, the way an administrator would: an AWS app in rolegate,
 * its federation metadata registered as a SAML provider in every sandbox account, roles
 * that trust it, the role pairs imported into the app, and people assigned through groups.
 * Idempotent: a second run finds the marker and reuses what is there.
 */
export async function seedDemo(options: { ctx: CoreContext; sandbox: SandboxAdmin; sandboxUrl: string; idpUrl: string }): Promise<DemoSeed> {
  const { ctx, sandbox, sandboxUrl, idpUrl } = options;
  const seeded = await ctx.store.settings.get(SEEDED_KEY);
  if (seeded) {
    const earlier = JSON.parse(seeded) as { appId: string; sandboxUrl: string; idpUrl: string };
    const app = await ctx.store.apps.get(earlier.appId);
    if (app) {
      if (earlier.sandboxUrl === sandboxUrl) return { app, created: false };
      return { app: await moveDemoSandbox(ctx, sandbox, app, sandboxUrl, { ...earlier, sandboxUrl }), created: false };
    }
  }

  const signIn = `${sandboxUrl}/saml`;
  const created = await createApp(ctx, { template: 'aws', displayName: 'AWS (Acme demo accounts)', replyUrls: [signIn] });
  // Each person's department as a session tag, so the console shows what tags look like.
  const app = await updateApp(ctx, created.id, {
    claims: [...created.claims, { name: 'PrincipalTag:Department', namespace: AWS_ATTRIBUTE_NAMESPACE, source: { type: 'attribute', attribute: 'department' } }],
  });
  // The metadata as an administrator downloads it, over HTTP from the running IdP.
  const response = await fetch(`${idpUrl}/saml/${app.id}/metadata`);
  if (!response.ok) throw new Error(`could not download the demo app's metadata: HTTP ${response.status}`);
  const metadata = await response.text();

  const existing = new Set(sandbox.listAccounts().map((a) => a.id));
  const appRoles: Array<{ displayName: string; description: string; value: string }> = [];
  for (const account of DEMO_ACCOUNTS) {
    if (!existing.has(account.id)) await sandbox.createAccount({ id: account.id, alias: account.alias, name: account.name });
    const providerArn = await sandbox.createSamlProvider(account.id, PROVIDER_NAME, metadata);
    for (const role of DEMO_ROLES) {
      const roleArn = await sandbox.createRole(account.id, {
        roleName: role.roleName,
        description: role.description,
        maxSessionDuration: 43200,
        trustPolicyJson: samlTrustPolicy(providerArn, signIn),
        inlinePolicies: { [`${role.roleName}Access`]: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: role.actions, Resource: '*' }] }) },
      });
      appRoles.push({ displayName: `${account.alias} ${role.roleName}`, description: `${role.description} in ${account.name}`, value: `${roleArn},${providerArn}` });
    }
  }
  await importAppRoles(ctx, app.id, { appRoles });

  const roleIds = new Map<string, string>();
  for (const role of (await ctx.store.roles.list(app.id, { limit: 1000 })).items) roleIds.set(role.displayName, role.id);
  const groupIds = new Map<string, string>();
  for (const group of DEMO_GROUPS) {
    const created = await createGroup(ctx, { displayName: group.name, description: group.description });
    groupIds.set(group.name, created.id);
    for (const [alias, roleName] of group.roles) {
      await createAssignment(ctx, app.id, { principalId: created.id, appRoleId: roleIds.get(`${alias} ${roleName}`)! });
    }
  }
  for (const group of DEMO_GROUPS) {
    if (group.memberOf) await addGroupMember(ctx, groupIds.get(group.memberOf)!, { id: groupIds.get(group.name)! });
  }
  for (const person of DEMO_USERS) {
    const user = await createUser(ctx, {
      userPrincipalName: person.upn,
      displayName: person.name,
      mail: person.upn,
      password: person.password,
      attributes: { department: person.department },
    });
    for (const group of person.groups) await addGroupMember(ctx, groupIds.get(group)!, { id: user.id });
  }
  await ctx.store.settings.set(SEEDED_KEY, JSON.stringify({ appId: app.id, sandboxUrl, idpUrl }));
  return { app, created: true };
}

/**
 * The sandbox now listens elsewhere (another SANDBOX_PORT): the app's reply URL and every demo
 * role's SAML:aud name the old sign-in URL, so sign-in would fail check-recipient. Point both at
 * the new one.
 */
async function moveDemoSandbox(ctx: CoreContext, sandbox: SandboxAdmin, app: App, sandboxUrl: string, marker: object): Promise<App> {
  const signIn = `${sandboxUrl}/saml`;
  const moved = await updateApp(ctx, app.id, { replyUrls: [signIn] });
  for (const account of DEMO_ACCOUNTS) {
    const providerArn = `arn:aws:iam::${account.id}:saml-provider/${PROVIDER_NAME}`;
    for (const role of DEMO_ROLES) await sandbox.updateAssumeRolePolicy(account.id, role.roleName, samlTrustPolicy(providerArn, signIn));
  }
  await ctx.store.settings.set(SEEDED_KEY, JSON.stringify(marker));
  return moved;
}

/** The standard SAML trust policy (SPEC §3). SAML:aud is compared with the Recipient: the sign-in URL used. */
export function samlTrustPolicy(providerArn: string, signInUrl: string): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Action: ['sts:AssumeRoleWithSAML', 'sts:TagSession'],
        Principal: { Federated: providerArn },
        Condition: { StringEquals: { 'SAML:aud': signInUrl } },
      },
    ],
  });
}
