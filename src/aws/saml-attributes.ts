import { isAccountId, parseArn, parseRoleArn, parseSamlProviderArn, type RoleArn, type SamlProviderArn } from './arn.ts';

/**
 * The SAML attributes AWS reads (IAM User Guide, "Configure SAML assertions for the
 * authentication response"). Names are case-sensitive and live in this namespace.
 */
export const AWS_SAML_ATTRIBUTE_NAMESPACE = 'https://aws.amazon.com/SAML/Attributes/';

export const AWS_SAML_ATTRIBUTES = Object.freeze({
  role: `${AWS_SAML_ATTRIBUTE_NAMESPACE}Role`,
  roleSessionName: `${AWS_SAML_ATTRIBUTE_NAMESPACE}RoleSessionName`,
  sessionDuration: `${AWS_SAML_ATTRIBUTE_NAMESPACE}SessionDuration`,
  sourceIdentity: `${AWS_SAML_ATTRIBUTE_NAMESPACE}SourceIdentity`,
  transitiveTagKeys: `${AWS_SAML_ATTRIBUTE_NAMESPACE}TransitiveTagKeys`,
  principalTagPrefix: `${AWS_SAML_ATTRIBUTE_NAMESPACE}PrincipalTag:`,
});

/** SPEC §3 / STS API reference: RoleSessionName. */
export const ROLE_SESSION_NAME_PATTERN = /^[a-zA-Z_0-9+=,.@-]{2,64}$/;
export const SESSION_DURATION_MIN_SECONDS = 900;
export const SESSION_DURATION_MAX_SECONDS = 43200;
export const MAX_PRINCIPAL_TAGS = 50;
export const PRINCIPAL_TAG_KEY_MAX = 128;
export const PRINCIPAL_TAG_VALUE_MAX = 256;
const TAG_CHARACTERS = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
const SOURCE_IDENTITY_PATTERN = /^[\w+=,.@-]{2,64}$/;

export interface RolePair {
  roleArn: string;
  principalArn: string;
  role: RoleArn;
  provider: SamlProviderArn;
}

/** Parses one Role value, `roleArn,samlProviderArn` in either order; undefined when it is not a pair. */
export function parseRolePair(value: string): RolePair | undefined {
  const parts = value.split(',');
  if (parts.length !== 2) return undefined;
  const [first = '', second = ''] = parts.map((part) => part.trim());
  for (const [roleText, providerText] of [[first, second], [second, first]] as const) {
    const role = parseRoleArn(roleText);
    const provider = parseSamlProviderArn(providerText);
    if (role && provider) return { roleArn: role.arn, principalArn: provider.arn, role, provider };
  }
  return undefined;
}

const NOT_A_PAIR = 'not "roleArn,samlProviderArn" (either order)';

/** What is wrong with one half of a Role value, or undefined when nothing a person can fix is found. */
function describeIamArnProblem(text: string): string | undefined {
  const arn = parseArn(text);
  if (!arn) return `"${text}" is not an ARN`;
  if (arn.service !== 'iam') return `"${text}" is not an IAM ARN`;
  if (arn.region !== '') return `"${text}" has a region, and IAM ARNs have none`;
  if (!isAccountId(arn.accountId)) return `account id "${arn.accountId}" is not 12 digits (an AWS account id has exactly 12)`;
  return undefined;
}

/** Why a Role value is not a role pair, for a person reading `rolegate saml inspect`; undefined when it is one. */
export function describeRolePairProblem(value: string): string | undefined {
  if (parseRolePair(value)) return undefined;
  const parts = value.split(',').map((part) => part.trim());
  if (parts.length !== 2) return NOT_A_PAIR;
  const problems = [...new Set(parts.map(describeIamArnProblem).filter((p): p is string => p !== undefined))];
  return problems.length === 0 ? NOT_A_PAIR : `not a valid role pair: ${problems.join('; ')}`;
}

export function isValidRoleSessionName(value: string): boolean {
  return ROLE_SESSION_NAME_PATTERN.test(value);
}

/** Why a SourceIdentity value is refused, or undefined when it is valid. */
export function describeSourceIdentityProblem(value: string): string | undefined {
  // STS API reference, SourceIdentity: "You cannot use a value that begins with the text aws:".
  if (value.toLowerCase().startsWith('aws:')) return 'must not begin with "aws:"';
  if (!SOURCE_IDENTITY_PATTERN.test(value)) return 'must be 2-64 characters of letters, digits and +=,.@_-';
  return undefined;
}

/** Why a principal tag is refused, or undefined when it is valid. */
export function describePrincipalTagProblem(key: string, value: string): string | undefined {
  const keyLength = [...key].length;
  if (keyLength < 1 || keyLength > PRINCIPAL_TAG_KEY_MAX) return `key must be 1-${PRINCIPAL_TAG_KEY_MAX} characters`;
  if (!TAG_CHARACTERS.test(key)) return 'key may contain only letters, spaces, digits and _.:/=+-@';
  if (key.toLowerCase().startsWith('aws:')) return 'key must not begin with "aws:"';
  if ([...value].length > PRINCIPAL_TAG_VALUE_MAX) return `value must be at most ${PRINCIPAL_TAG_VALUE_MAX} characters`;
  if (!TAG_CHARACTERS.test(value)) return 'value may contain only letters, spaces, digits and _.:/=+-@';
  return undefined;
}

export interface AwsRolePairReport {
  value: string;
  roleArn?: string;
  providerArn?: string;
  accountId?: string;
  roleName?: string;
  providerName?: string;
  /** Why the value is not a valid pair. */
  problem?: string;
}

export interface AwsAttributeReport {
  roles: AwsRolePairReport[];
  roleSessionName?: string;
  sessionDuration?: string;
  sourceIdentity?: string;
  principalTags: Record<string, string>;
  transitiveTagKeys: string[];
}

/**
 * Explains the AWS attributes of an assertion for `rolegate saml inspect`: role pairs split
 * into role and provider with the account, and a warning for each rule AWS would refuse.
 * Shaped as the AttributeExplainer of src/saml/inspect-saml-response.ts.
 */
export function explainAwsSamlAttributes(attributes: ReadonlyArray<{ name: string; values: string[] }>): {
  title: string;
  lines: string[];
  warnings: string[];
  data: Record<string, unknown> & AwsAttributeReport;
} {
  const values = (name: string) => attributes.filter((a) => a.name === name).flatMap((a) => a.values);
  const has = (name: string) => attributes.some((a) => a.name === name);
  const warnings: string[] = [];
  const lines: string[] = [];

  const roles: AwsRolePairReport[] = values(AWS_SAML_ATTRIBUTES.role).map((value) => {
    const pair = parseRolePair(value);
    if (!pair) return { value, problem: describeRolePairProblem(value) ?? NOT_A_PAIR };
    return {
      value,
      roleArn: pair.roleArn,
      providerArn: pair.principalArn,
      accountId: pair.role.accountId,
      roleName: pair.role.roleName,
      providerName: pair.provider.providerName,
    };
  });
  if (roles.length === 0) warnings.push('No Role attribute: AWS has no role to offer');
  for (const role of roles) {
    if (role.problem) {
      warnings.push(`Role value "${role.value}" is ${role.problem}`);
      lines.push(`Role  ${role.value}  (INVALID: ${role.problem})`);
    } else {
      lines.push(`Role  account ${role.accountId}  role ${role.roleName}  provider ${role.providerName}`);
      lines.push(`      ${role.roleArn}`);
      lines.push(`      ${role.providerArn}`);
    }
  }
  const report: AwsAttributeReport = { roles, principalTags: {}, transitiveTagKeys: values(AWS_SAML_ATTRIBUTES.transitiveTagKeys) };

  const sessionNames = values(AWS_SAML_ATTRIBUTES.roleSessionName);
  if (sessionNames.length === 0) warnings.push('No RoleSessionName: AWS answers "RoleSessionName is required in AuthnResponse"');
  else if (sessionNames.length > 1) warnings.push(`RoleSessionName has ${sessionNames.length} values; AWS needs exactly one`);
  else {
    report.roleSessionName = sessionNames[0] as string;
    if (!isValidRoleSessionName(report.roleSessionName)) warnings.push(`RoleSessionName "${report.roleSessionName}" does not match [a-zA-Z_0-9+=,.@-]{2,64}`);
  }
  lines.push(`RoleSessionName  ${sessionNames.join(', ') || '-'}`);

  if (has(AWS_SAML_ATTRIBUTES.sessionDuration)) {
    const durations = values(AWS_SAML_ATTRIBUTES.sessionDuration);
    report.sessionDuration = durations.join(', ');
    const seconds = durations.length === 1 && /^\d+$/.test(durations[0] as string) ? Number(durations[0]) : Number.NaN;
    if (!(seconds >= SESSION_DURATION_MIN_SECONDS && seconds <= SESSION_DURATION_MAX_SECONDS)) {
      warnings.push(`SessionDuration "${report.sessionDuration}" is not one integer from ${SESSION_DURATION_MIN_SECONDS} to ${SESSION_DURATION_MAX_SECONDS}`);
    }
    lines.push(`SessionDuration  ${report.sessionDuration}`);
  }
  if (has(AWS_SAML_ATTRIBUTES.sourceIdentity)) {
    const identities = values(AWS_SAML_ATTRIBUTES.sourceIdentity);
    report.sourceIdentity = identities.join(', ');
    const problem = identities.length === 1 ? describeSourceIdentityProblem(identities[0] as string) : 'must have exactly one value';
    if (problem) warnings.push(`SourceIdentity "${report.sourceIdentity}" ${problem}`);
    lines.push(`SourceIdentity  ${report.sourceIdentity}`);
  }
  for (const attribute of attributes) {
    if (!attribute.name.startsWith(AWS_SAML_ATTRIBUTES.principalTagPrefix)) continue;
    const key = attribute.name.slice(AWS_SAML_ATTRIBUTES.principalTagPrefix.length);
    const problem = attribute.values.length === 1 ? describePrincipalTagProblem(key, attribute.values[0] as string) : 'must have exactly one value';
    if (problem) warnings.push(`PrincipalTag:${key} ${problem}`);
    report.principalTags[key] = attribute.values.join(', ');
    lines.push(`PrincipalTag  ${key} = ${report.principalTags[key]}`);
  }
  if (Object.keys(report.principalTags).length > MAX_PRINCIPAL_TAGS) warnings.push(`More than ${MAX_PRINCIPAL_TAGS} PrincipalTag attributes`);
  if (Object.keys(report.principalTags).length > 0) lines.push('(session tags need sts:TagSession in the role trust policy)');
  for (const attribute of attributes) {
    if (attribute.name.toLowerCase().startsWith(AWS_SAML_ATTRIBUTE_NAMESPACE.toLowerCase()) && !attribute.name.startsWith(AWS_SAML_ATTRIBUTE_NAMESPACE)) {
      warnings.push(`Attribute "${attribute.name}" differs from the AWS namespace only in case; AWS names are case-sensitive`);
    }
  }
  return { title: 'AWS', lines, warnings, data: { ...report } };
}
