import { isRolegateError } from '../../errors/rolegate-error.ts';
import { limitExceeded, malformedPolicyDocument } from '../errors/aws-service-error.ts';
import { parsePolicyDocument, type PolicyDocument } from '../auth/policy-engine.ts';

const IDENTITY_PROVIDER_ARN = /^arn:aws[\w-]*:iam::(\d{12}):(?:saml-provider|oidc-provider)\//;

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

/**
 * A trust policy for a role of `accountId`. Its Federated principals that are IAM identity
 * providers must be the account's own: IAM has no cross-account SAML or OIDC federation.
 */
export function checkTrustPolicyDocument(json: string, accountId: string): PolicyDocument {
  const document = checkPolicyDocument(json, 'trust');
  for (const statement of document.statements) {
    const federated = statement.principal === '*' ? [] : (statement.principal?.Federated ?? []);
    for (const principal of federated) {
      const owner = IDENTITY_PROVIDER_ARN.exec(principal)?.[1];
      if (owner !== undefined && owner !== accountId) {
        throw malformedPolicyDocument(`Invalid principal in policy: "Federated":"${principal}" (a role of account ${accountId} can only trust identity providers of account ${accountId})`);
      }
    }
  }
  if (json.replace(/\s/g, '').length > TRUST_POLICY_QUOTA) {
    throw limitExceeded(`Cannot exceed quota for ACLSizePerRole: ${TRUST_POLICY_QUOTA}`);
  }
  return document;
}
