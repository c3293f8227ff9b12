import { isAccountId, parseArn } from '../arn.ts';
import { evaluateCondition, type ConditionContext } from './evaluate-condition.ts';
import { matchWildcard } from './match-wildcard.ts';
import type { PolicyDocument, PolicyStatement } from './policy-document.ts';

export interface PolicyRequest {
  action: string;
  resource?: string;
  principal?: { type: 'AWS' | 'Federated' | 'Service'; id: string };
  context: ConditionContext;
}

export interface PolicyDecision {
  decision: 'allow' | 'explicit-deny' | 'implicit-deny';
  /** Label (Sid or `Statement[i]`) of the statement that decided. */
  matchedStatement?: string;
}

function matchesAction(statement: PolicyStatement, action: string): boolean {
  // Action names are case-insensitive (IAM User Guide, "Action element").
  if (statement.actions) return statement.actions.some((pattern) => matchWildcard(pattern, action, true));
  return !(statement.notActions ?? []).some((pattern) => matchWildcard(pattern, action, true));
}

function matchesResource(statement: PolicyStatement, resource: string | undefined): boolean {
  // Trust policies have no Resource: the role itself is the resource.
  if (resource === undefined) return true;
  if (statement.resources) return statement.resources.some((pattern) => matchWildcard(pattern, resource, false));
  if (statement.notResources) return !statement.notResources.some((pattern) => matchWildcard(pattern, resource, false));
  return true;
}

function accountOf(principalId: string): string | undefined {
  if (isAccountId(principalId)) return principalId;
  return parseArn(principalId)?.accountId;
}

function matchesAwsPrincipal(pattern: string, id: string): boolean {
  if (pattern === '*' || pattern === id) return true;
  // "123456789012" and "arn:aws:iam::123456789012:root" stand for every principal of the
  // account (IAM User Guide, "AWS account principals").
  const patternArn = parseArn(pattern);
  const account = isAccountId(pattern) ? pattern : patternArn?.service === 'iam' && patternArn.resource === 'root' ? patternArn.accountId : undefined;
  return account !== undefined && accountOf(id) === account;
}

function matchesPrincipal(statement: PolicyStatement, principal: PolicyRequest['principal']): boolean {
  if (statement.principal === undefined) return true;
  if (statement.principal === '*') return true;
  if (!principal) return false;
  const listed = statement.principal[principal.type] ?? [];
  switch (principal.type) {
    case 'AWS':
      return listed.some((pattern) => matchesAwsPrincipal(pattern, principal.id));
    case 'Service':
      return listed.some((pattern) => pattern.toLowerCase() === principal.id.toLowerCase());
    case 'Federated':
      return listed.some((pattern) => pattern === principal.id);
  }
}

/** Whether every condition holds; unsupported conditions yield `fallback` (fail closed). */
function conditionsHold(statement: PolicyStatement, context: ConditionContext, fallback: boolean): boolean {
  return statement.conditions.every((condition) => {
    const result = evaluateCondition(condition, context);
    return result === 'unsupported' ? fallback : result;
  });
}

/**
 * IAM evaluation over one set of policies: an explicit Deny wins, otherwise any Allow allows,
 * otherwise the request is implicitly denied. A condition rolegate cannot evaluate fails
 * closed: it never lets an Allow apply, and it always lets a Deny apply.
 */
export function evaluatePolicies(policies: readonly PolicyDocument[], request: PolicyRequest): PolicyDecision {
  let allowedBy: string | undefined;
  for (const policy of policies) {
    for (const statement of policy.statements) {
      if (!matchesAction(statement, request.action)) continue;
      if (!matchesResource(statement, request.resource)) continue;
      if (!matchesPrincipal(statement, request.principal)) continue;
      if (statement.effect === 'Deny') {
        if (conditionsHold(statement, request.context, true)) return { decision: 'explicit-deny', matchedStatement: statement.label };
      } else if (allowedBy === undefined && conditionsHold(statement, request.context, false)) {
        allowedBy = statement.label;
      }
    }
  }
  return allowedBy === undefined ? { decision: 'implicit-deny' } : { decision: 'allow', matchedStatement: allowedBy };
}
