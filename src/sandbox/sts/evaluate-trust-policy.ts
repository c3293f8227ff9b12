import { rootArn, type Caller } from '../auth/caller.ts';
import { malformedStoredPolicy } from '../auth/malformed-stored-policy.ts';
import { evaluatePolicies, parsePolicyDocument } from '../auth/policy-engine.ts';
import type { RoleRecord } from '../state/state-types.ts';

export type TrustDecision =
  /** The trust policy names this principal (its ARN or its role): trust alone suffices in-account. */
  | 'principal'
  /** The trust policy trusts the caller's whole account: the caller's own policies must also allow. */
  | 'account'
  | 'denied';

/**
 * Evaluates a role's trust policy for an `sts:AssumeRole` caller. IAM matches the principal
 * by its ARN, a role session by its role's ARN, and `arn:aws:iam::<acct>:root` (or the bare
 * account id) by delegation to every principal of that account, which then also needs its
 * own identity policy to allow the call. An explicit deny for any of those forms wins.
 */
export function evaluateTrustPolicy(role: RoleRecord, caller: Caller, context: Record<string, string>): TrustDecision {
  let document;
  try {
    document = parsePolicyDocument(role.trustPolicyJson, { kind: 'trust' });
  } catch (cause) {
    throw malformedStoredPolicy(`${role.roleName} trust policy`, cause);
  }
  const evaluate = (id: string) =>
    evaluatePolicies([document], {
      action: 'sts:AssumeRole',
      resource: role.arn,
      principal: { type: 'AWS', id },
      context,
    }).decision;
  const direct = [caller.arn, ...(caller.kind === 'assumed-role' ? [caller.roleArn] : [])].map(evaluate);
  // The evaluator lets an account principal match every ARN of that account, so a policy
  // that trusts the account also "allows" the caller's own ARN; asking with the account root
  // tells the two apart: it is allowed only when the whole account (or "*") is trusted.
  const delegated = evaluate(rootArn(caller.accountId));
  if (direct.includes('explicit-deny') || delegated === 'explicit-deny') return 'denied';
  if (delegated === 'allow') return 'account';
  if (direct.includes('allow')) return 'principal';
  return 'denied';
}
