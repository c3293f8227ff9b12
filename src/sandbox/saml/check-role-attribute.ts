import { AWS_SAML_ATTRIBUTES, parseRolePair, type RolePair } from '../../aws/saml-attributes.ts';
import type { ParsedAssertion } from '../../saml/read-assertion.ts';
import { attributeValues } from './attribute-values.ts';
import { SandboxSamlError } from './sandbox-saml-error.ts';

/**
 * The Role attribute is required and each value must be `roleArn,samlProviderArn` in either
 * order (SPEC §3). A value that is not a pair is refused rather than skipped: the IdP is
 * misconfigured and the user should hear which value is wrong.
 */
export function checkRoleAttribute(attributes: ParsedAssertion['attributes']): RolePair[] {
  const values = attributeValues(attributes, AWS_SAML_ATTRIBUTES.role) ?? [];
  if (values.length === 0) {
    throw new SandboxSamlError('InvalidIdentityToken', 'check-role-attribute', `The assertion has no ${AWS_SAML_ATTRIBUTES.role} attribute value`);
  }
  const pairs: RolePair[] = [];
  for (const value of values) {
    const pair = parseRolePair(value);
    if (!pair) {
      throw new SandboxSamlError(
        'InvalidIdentityToken',
        'check-role-attribute',
        `Role value "${value}" is not "arn:aws:iam::<account>:role/<name>,arn:aws:iam::<account>:saml-provider/<name>" (either order)`,
      );
    }
    if (!pairs.some((p) => p.roleArn === pair.roleArn && p.principalArn === pair.principalArn)) pairs.push(pair);
  }
  return pairs;
}

/** Provider ARNs named by Role values, in order, without verifying anything: which certificates to try. */
export function candidateProviderArns(values: readonly string[]): string[] {
  const arns: string[] = [];
  for (const value of values) {
    const pair = parseRolePair(value);
    if (pair && !arns.includes(pair.principalArn)) arns.push(pair.principalArn);
  }
  return arns;
}
