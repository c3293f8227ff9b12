import { formatAssumedRoleArn, parseRoleArn, parseSamlProviderArn } from '../../aws/arn.ts';
import { buildSamlConditionContext } from './build-saml-condition-context.ts';
import { checkDurationSeconds } from './check-duration-seconds.ts';
import { checkRoleAccount } from './check-role-account.ts';
import { checkRoleChoice } from './check-role-choice.ts';
import { checkSetSourceIdentity } from './check-set-source-identity.ts';
import { checkTagSession } from './check-tag-session.ts';
import { checkTrustPolicy } from './check-trust-policy.ts';
import { computeNameQualifier, computeSubjectType } from './compute-name-qualifier.ts';
import { computeSessionExpiration } from './compute-session-expiration.ts';
import { SandboxSamlError } from './sandbox-saml-error.ts';
import type { AuthorizedSamlSession, SandboxDirectory, SamlValidationOptions, ValidatedAwsSamlResponse } from './types.ts';

export interface SamlRoleRequest {
  roleArn: string;
  principalArn: string;
  /** AssumeRoleWithSAML's DurationSeconds; ignored for the console. */
  durationSeconds?: number;
  purpose: 'sts' | 'console';
}

/**
 * Step 2: one chosen role pair. The pair must be granted by the verified Role attribute, the
 * role must exist, DurationSeconds must fit it, and its trust policy must allow
 * sts:AssumeRoleWithSAML (plus sts:TagSession / sts:SetSourceIdentity when used).
 */
export function authorizeSamlRole(
  validated: ValidatedAwsSamlResponse,
  request: SamlRoleRequest,
  directory: SandboxDirectory,
  options: SamlValidationOptions,
): AuthorizedSamlSession {
  const choice = checkRoleChoice(validated, request);
  const role = directory.getRole(choice.roleArn);
  const roleArn = parseRoleArn(choice.roleArn);
  const provider = parseSamlProviderArn(choice.principalArn);
  if (!role || !roleArn || !provider) {
    throw new SandboxSamlError('AccessDenied', 'check-role-exists', `Not authorized to perform sts:AssumeRoleWithSAML: role ${choice.roleArn} does not exist`);
  }
  checkRoleAccount(roleArn, provider);
  if (request.purpose === 'sts') checkDurationSeconds(request.durationSeconds, role);

  const nameQualifier = computeNameQualifier(validated.issuer, provider.accountId, provider.providerName);
  const subjectType = computeSubjectType(validated.nameIdFormat);
  const context = buildSamlConditionContext(validated, { nameQualifier, subjectType, accountId: provider.accountId, providerName: provider.providerName });
  const trustStatement = checkTrustPolicy(role, choice.principalArn, context);
  checkTagSession(role, choice.principalArn, context, validated.principalTags);
  checkSetSourceIdentity(role, choice.principalArn, context, validated.sourceIdentity);

  const alias = directory.getAccountAlias(role.accountId);
  return {
    roleArn: role.arn,
    principalArn: choice.principalArn,
    accountId: role.accountId,
    ...(alias === undefined ? {} : { accountAlias: alias }),
    roleName: role.roleName,
    roleSessionName: validated.roleSessionName,
    assumedRoleArn: formatAssumedRoleArn({ partition: roleArn.partition, accountId: role.accountId, roleName: role.roleName }, validated.roleSessionName),
    expiration: computeSessionExpiration(validated, request.purpose, request.durationSeconds, options.now),
    subject: validated.nameId,
    subjectType,
    issuer: validated.issuer,
    audience: validated.recipient,
    nameQualifier,
    principalTags: { ...validated.principalTags },
    transitiveTagKeys: [...validated.transitiveTagKeys],
    ...(validated.sourceIdentity === undefined ? {} : { sourceIdentity: validated.sourceIdentity }),
    trustStatement,
  };
}
