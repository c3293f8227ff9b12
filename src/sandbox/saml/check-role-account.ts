import type { RoleArn, SamlProviderArn } from '../../aws/arn.ts';
import { SandboxSamlError } from './sandbox-saml-error.ts';

/**
 * A role can only be entered through a SAML provider of its own account: IAM refuses a trust
 * policy whose Federated principal is another account's provider, which is why every account
 * needs its own provider (seed 001). A Role value pairing them across accounts grants nothing.
 */
export function checkRoleAccount(role: RoleArn, provider: SamlProviderArn): void {
  if (role.accountId === provider.accountId) return;
  throw new SandboxSamlError(
    'AccessDenied',
    'check-role-account',
    `Not authorized to perform sts:AssumeRoleWithSAML: role ${role.arn} is in account ${role.accountId}, but SAML provider ${provider.arn} is in account ${provider.accountId}; a role trusts only providers of its own account`,
  );
}
