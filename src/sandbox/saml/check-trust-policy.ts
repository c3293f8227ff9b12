import { evaluatePolicies, parsePolicyDocument, type PolicyDocument } from '../../aws/policy/index.ts';
import { SandboxSamlError } from './sandbox-saml-error.ts';
import type { SandboxRole } from './types.ts';

type Context = Record<string, string | readonly string[]>;

function readTrustPolicy(role: SandboxRole, check: string): PolicyDocument {
  try {
    return parsePolicyDocument(role.trustPolicyJson, { kind: 'trust' });
  } catch (error) {
    // A stored policy the evaluator cannot read cannot allow anything: fail closed.
    throw new SandboxSamlError('AccessDenied', check, `The trust policy of ${role.arn} cannot be evaluated: ${(error as Error).message}`, { cause: error });
  }
}

/**
 * Evaluates `action` against the role's trust policy with the SAML provider as Federated
 * principal. `check` names the step (check-trust-policy, check-tag-session, ...).
 */
export function checkTrustPolicyAllows(role: SandboxRole, principalArn: string, action: string, context: Context, check: string, why: string): string {
  const policy = readTrustPolicy(role, check);
  const result = evaluatePolicies([policy], { action, principal: { type: 'Federated', id: principalArn }, context });
  if (result.decision === 'allow') return result.matchedStatement ?? '';
  const how = result.decision === 'explicit-deny'
    ? `statement ${result.matchedStatement ?? '?'} of the trust policy of ${role.arn} explicitly denies it`
    : `no statement of the trust policy of ${role.arn} allows it for ${principalArn} with ${describeContext(context)}`;
  throw new SandboxSamlError('AccessDenied', check, `Not authorized to perform ${action}${why}: ${how}`);
}

function describeContext(context: Context): string {
  const shown = ['SAML:aud', 'SAML:iss', 'SAML:sub', 'SAML:sub_type'];
  return shown.filter((k) => k in context).map((k) => `${k}=${JSON.stringify(context[k])}`).join(', ');
}

/** sts:AssumeRoleWithSAML itself. */
export function checkTrustPolicy(role: SandboxRole, principalArn: string, context: Context): string {
  return checkTrustPolicyAllows(role, principalArn, 'sts:AssumeRoleWithSAML', context, 'check-trust-policy', '');
}
