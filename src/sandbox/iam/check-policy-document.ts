import { isRolegateError } from '../../errors/rolegate-error.ts';
import { limitExceeded, malformedPolicyDocument } from '../errors/aws-service-error.ts';
import { parsePolicyDocument, type PolicyDocument } from '../auth/policy-engine.ts';

// IAM quota "Role trust policy length": 2,048 characters, white space not counted.
const TRUST_POLICY_QUOTA = 2048;

/** Parses a policy with the shared evaluator's parser; its refusal is `MalformedPolicyDocument`. */
export function checkPolicyDocument(json: string, kind: 'trust' | 'identity' = 'identity'): PolicyDocument {
  try {
    return parsePolicyDocument(json, { kind });
  } catch (error) {
    if (isRolegateError(error, 'ERR_VALIDATION')) throw malformedPolicyDocument(error.message);
    throw error;
  }
}

export function checkTrustPolicyDocument(json: string): PolicyDocument {
  const document = checkPolicyDocument(json, 'trust');
  if (json.replace(/\s/g, '').length > TRUST_POLICY_QUOTA) {
    throw limitExceeded(`Cannot exceed quota for ACLSizePerRole: ${TRUST_POLICY_QUOTA}`);
  }
  return document;
}
