/**
 * The sample organisation `rolegate demo` sets up: three sandbox accounts, their roles, and
 * people whose access comes directly, through groups, and through nested groups.
 * Passwords are for the demo only and are printed by the command.
 */
export const DEMO_ACCOUNTS = [
  { id: '111111111111', alias: 'acme-prod', name: 'Acme Production' },
  { id: '222222222222', alias: 'acme-dev', name: 'Acme Development' },
  { id: '333333333333', alias: 'acme-audit', name: 'Acme Audit' },
] as const;

export const DEMO_ROLES = [
  { roleName: 'Admin', description: 'Full administration', actions: ['*'] },
  { roleName: 'Developer', description: 'Build and deploy', actions: ['sts:GetCallerIdentity', 'iam:Get*', 'iam:List*'] },
  { roleName: 'ReadOnly', description: 'Read everything', actions: ['iam:Get*', 'iam:List*', 'organizations:Describe*', 'organizations:List*'] },
] as const;

export type DemoRoleName = (typeof DEMO_ROLES)[number]['roleName'];
export type DemoAccountAlias = (typeof DEMO_ACCOUNTS)[number]['alias'];

export const DEMO_GROUPS: ReadonlyArray<{ name: string; description: string; memberOf?: string; roles: ReadonlyArray<[DemoAccountAlias, DemoRoleName]> }> = [
  { name: 'cloud-admins', description: 'Administrators of every account', roles: [['acme-prod', 'Admin'], ['acme-dev', 'Admin'], ['acme-audit', 'Admin']] },
  { name: 'engineering', description: 'All engineers: read production', roles: [['acme-prod', 'ReadOnly']] },
  // Nested: developers ∈ engineering, so developers also get engineering's roles.
  { name: 'developers', description: 'Developers: build in dev', memberOf: 'engineering', roles: [['acme-dev', 'Developer']] },
  { name: 'auditors', description: 'Read-only everywhere', roles: [['acme-prod', 'ReadOnly'], ['acme-dev', 'ReadOnly'], ['acme-audit', 'ReadOnly']] },
];

export const DEMO_USERS = [
  { upn: 'alice@acme.example', name: 'Alice Admin', password: 'alice-demo-password', groups: ['cloud-admins'], department: 'Platform' },
  { upn: 'bob@acme.example', name: 'Bob Builder', password: 'bob-demo-password', groups: ['developers'], department: 'Engineering' },
  { upn: 'carol@acme.example', name: 'Carol Checker', password: 'carol-demo-password', groups: ['auditors'], department: 'Finance' },
] as const;
