// The one place the sandbox reaches the shared IAM policy evaluator (src/aws/policy/).
export { evaluatePolicies, parsePolicyDocument } from '../../aws/policy/index.ts';
export type { PolicyDocument } from '../../aws/policy/index.ts';
