import { accessDenied } from '../errors/aws-service-error.ts';
import { malformedStoredPolicy } from './malformed-stored-policy.ts';
import { evaluatePolicies, parsePolicyDocument, type PolicyDocument } from './policy-engine.ts';
import type { SandboxStore } from '../state/sandbox-store.ts';
import type { Caller } from './caller.ts';

export interface ActionRequest {
  /** `iam:ListRoles` */
  action: string;
  /** The resource ARN AWS names in its AccessDenied message (`*` for account-level actions). */
  resource: string;
}

/**
 * The sandbox's permission model (docs: sandbox):
 * - an account's root key may do everything in its account;
 * - an IAM user may do what its inline policies (PutUserPolicy) allow;
 * - a role session may do what the role's inline policies (PutRolePolicy) allow; a role
 *   without inline policies allows nothing beyond the calls AWS never authorizes
 *   (sts:GetCallerIdentity), so a forgotten policy fails closed.
 * Managed policies, boundaries, SCPs and resource policies are not modelled.
 */
export function authorizeAction(caller: Caller, store: SandboxStore, request: ActionRequest, now: Date): void {
  if (caller.kind === 'root') return;
  const policies = identityPolicies(caller, store);
  const result = policies.length === 0
    ? { decision: 'implicit-deny' as const }
    : evaluatePolicies(policies, {
        action: request.action,
        resource: request.resource,
        context: requestContext(caller, now),
      });
  if (result.decision === 'allow') return;
  const why = result.decision === 'explicit-deny'
    ? 'with an explicit deny in an identity-based policy'
    : `because no identity-based policy allows the ${request.action} action`;
  throw accessDenied(`User: ${caller.arn} is not authorized to perform: ${request.action} on resource: ${request.resource} ${why}`);
}

export function requestContext(caller: Caller, now: Date): Record<string, string> {
  const context: Record<string, string> = {
    'aws:PrincipalArn': caller.kind === 'assumed-role' ? caller.roleArn : caller.arn,
    'aws:PrincipalAccount': caller.accountId,
    'aws:userid': caller.userId,
    'aws:CurrentTime': now.toISOString(),
    'aws:EpochTime': String(Math.floor(now.getTime() / 1000)),
    'aws:SecureTransport': 'false',
  };
  if (caller.kind === 'user') context['aws:username'] = caller.userName;
  if (caller.kind === 'assumed-role') {
    for (const [key, value] of Object.entries(caller.principalTags)) context[`aws:PrincipalTag/${key}`] = value;
  }
  return context;
}

function identityPolicies(caller: Exclude<Caller, { kind: 'root' }>, store: SandboxStore): PolicyDocument[] {
  const inline = caller.kind === 'user'
    ? store.state.users.find((u) => u.accountId === caller.accountId && u.userName === caller.userName)?.inlinePolicies
    : store.state.roles.find((r) => r.arn === caller.roleArn)?.inlinePolicies;
  return Object.entries(inline ?? {}).map(([name, json]) => {
    try {
      return parsePolicyDocument(json, { kind: 'identity' });
    } catch (cause) {
      throw malformedStoredPolicy(name, cause);
    }
  });
}
