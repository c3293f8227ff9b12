export { parsePolicyDocument, type ParsePolicyOptions } from './parse-policy-document.ts';
export { evaluatePolicies, type PolicyDecision, type PolicyRequest } from './evaluate-policies.ts';
export type { PolicyCondition, PolicyDocument, PolicyStatement, PrincipalType } from './policy-document.ts';
export type { ConditionContext } from './evaluate-condition.ts';
