import { checkTrustPolicyAllows } from './check-trust-policy.ts';
import type { SandboxRole } from './types.ts';

/** A SourceIdentity needs sts:SetSourceIdentity in the trust policy (IAM User Guide, "Source identity"). */
export function checkSetSourceIdentity(
  role: SandboxRole,
  principalArn: string,
  context: Record<string, string | readonly string[]>,
  sourceIdentity: string | undefined,
): void {
  if (sourceIdentity === undefined) return;
  checkTrustPolicyAllows(
    role,
    principalArn,
    'sts:SetSourceIdentity',
    { ...context, 'sts:SourceIdentity': sourceIdentity },
    'check-set-source-identity',
    ` (the assertion carries SourceIdentity "${sourceIdentity}")`,
  );
}
