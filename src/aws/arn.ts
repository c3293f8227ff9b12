/**
 * ARN parsing for the handful of IAM/STS resource types rolegate deals with.
 * Format: arn:partition:service:region:account-id:resource (AWS General Reference, "ARNs").
 */
export interface Arn {
  partition: string;
  service: string;
  region: string;
  accountId: string;
  resource: string;
}

export interface RoleArn {
  arn: string;
  partition: string;
  accountId: string;
  /** `/` or `/some/path/`. */
  path: string;
  roleName: string;
}

export interface SamlProviderArn {
  arn: string;
  partition: string;
  accountId: string;
  providerName: string;
}

const PARTITION = /^aws(-cn|-us-gov|-iso|-iso-b|-iso-e|-iso-f|-eusc)?$/;
const ACCOUNT_ID = /^\d{12}$/;
// IAM API reference: RoleName [\w+=,.@-]{1,64}; Path is / or /.../ of printable ASCII, up to 512.
const ROLE_RESOURCE = /^role((?:\/[\u0021-\u002E\u0030-\u007E]+)*\/)([\w+=,.@-]{1,64})$/;
// IAM API reference, CreateSAMLProvider: Name [\w._-]{1,128}.
const PROVIDER_RESOURCE = /^saml-provider\/([\w._-]{1,128})$/;

export function isAccountId(value: string): boolean {
  return ACCOUNT_ID.test(value);
}

export function parseArn(value: string): Arn | undefined {
  if (!value.startsWith('arn:')) return undefined;
  // Five colons delimit the fields; the resource (after the fifth) may hold more.
  const afterPartition = value.indexOf(':', 4);
  const afterService = afterPartition < 0 ? -1 : value.indexOf(':', afterPartition + 1);
  const afterRegion = afterService < 0 ? -1 : value.indexOf(':', afterService + 1);
  const afterAccount = afterRegion < 0 ? -1 : value.indexOf(':', afterRegion + 1);
  if (afterAccount < 0) return undefined;
  const partition = value.slice(4, afterPartition);
  const service = value.slice(afterPartition + 1, afterService);
  if (!PARTITION.test(partition) || service === '') return undefined;
  return {
    partition,
    service,
    region: value.slice(afterService + 1, afterRegion),
    accountId: value.slice(afterRegion + 1, afterAccount),
    resource: value.slice(afterAccount + 1),
  };
}

export function parseRoleArn(value: string): RoleArn | undefined {
  const arn = parseArn(value);
  if (!arn || arn.service !== 'iam' || arn.region !== '' || !ACCOUNT_ID.test(arn.accountId)) return undefined;
  const match = ROLE_RESOURCE.exec(arn.resource);
  if (!match || (match[1] ?? '').length > 512) return undefined;
  return { arn: value, partition: arn.partition, accountId: arn.accountId, path: match[1] ?? '/', roleName: match[2] ?? '' };
}

export function parseSamlProviderArn(value: string): SamlProviderArn | undefined {
  const arn = parseArn(value);
  if (!arn || arn.service !== 'iam' || arn.region !== '' || !ACCOUNT_ID.test(arn.accountId)) return undefined;
  const match = PROVIDER_RESOURCE.exec(arn.resource);
  if (!match) return undefined;
  return { arn: value, partition: arn.partition, accountId: arn.accountId, providerName: match[1] ?? '' };
}

/** `arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION`; the role's path is not part of it. */
export function formatAssumedRoleArn(role: Pick<RoleArn, 'partition' | 'accountId' | 'roleName'>, sessionName: string): string {
  return `arn:${role.partition}:sts::${role.accountId}:assumed-role/${role.roleName}/${sessionName}`;
}
