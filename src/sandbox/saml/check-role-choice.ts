import { SandboxSamlError } from './sandbox-saml-error.ts';
import type { AwsRoleChoice, ValidatedAwsSamlResponse } from './types.ts';

/** The requested role pair must be one the verified Role attribute grants (AWS: AccessDenied). */
export function checkRoleChoice(validated: ValidatedAwsSamlResponse, request: { roleArn: string; principalArn: string }): AwsRoleChoice {
  const found = validated.roles.find((r) => r.roleArn === request.roleArn && r.principalArn === request.principalArn);
  if (found) return found;
  const rejected = validated.rejectedRoles.find((r) => r.roleArn === request.roleArn && r.principalArn === request.principalArn);
  if (rejected) throw new SandboxSamlError(rejected.code, rejected.check, rejected.message);
  const offered = [...validated.roles, ...validated.rejectedRoles].map((r) => `${r.roleArn},${r.principalArn}`).join('; ');
  throw new SandboxSamlError(
    'AccessDenied',
    'check-role-attribute',
    `Not authorized to perform sts:AssumeRoleWithSAML: the pair ${request.roleArn},${request.principalArn} is not in the SAML response's Role attribute (it has: ${offered})`,
  );
}
