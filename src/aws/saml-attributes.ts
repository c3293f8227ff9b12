import { parseRoleArn, parseSamlProviderArn, type RoleArn, type SamlProviderArn } from './arn.ts';

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
