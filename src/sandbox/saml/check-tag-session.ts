import { checkTrustPolicyAllows } from './check-trust-policy.ts';
import type { SandboxRole } from './types.ts';

/**
 * Session tags need sts:TagSession in the trust policy (IAM User Guide, "Permissions required
 * to add session tags"); aws:RequestTag/<key> and aws:TagKeys are in the context.
 */
export function checkTagSession(
  role: SandboxRole,
  principalArn: string,
  context: Record<string, string | readonly string[]>,
  principalTags: Record<string, string>,
): void {
  const keys = Object.keys(principalTags);
  if (keys.length === 0) return;
  const tagContext: Record<string, string | readonly string[]> = { ...context, 'aws:TagKeys': keys };
  for (const [key, value] of Object.entries(principalTags)) tagContext[`aws:RequestTag/${key}`] = value;
  checkTrustPolicyAllows(role, principalArn, 'sts:TagSession', tagContext, 'check-tag-session', ` (the assertion carries PrincipalTag attributes: ${keys.join(', ')})`);
}
