import { AWS_SAML_ATTRIBUTES, isValidRoleSessionName } from '../../aws/saml-attributes.ts';
import type { ParsedAssertion } from '../../saml/read-assertion.ts';
import { attributeValues } from './attribute-values.ts';
import { SandboxSamlError } from './sandbox-saml-error.ts';

/** RoleSessionName: required, exactly one value, [a-zA-Z_0-9+=,.@-]{2,64} (SPEC §3). */
export function checkRoleSessionName(attributes: ParsedAssertion['attributes']): string {
  const values = attributeValues(attributes, AWS_SAML_ATTRIBUTES.roleSessionName);
  const fail = (message: string) => new SandboxSamlError('InvalidIdentityToken', 'check-role-session-name', message);
  // The first sentence is AWS's own wording (IAM User Guide, troubleshoot_saml).
  if (values === undefined || values.length === 0) throw fail(`RoleSessionName is required in AuthnResponse: add the ${AWS_SAML_ATTRIBUTES.roleSessionName} attribute`);
  if (values.length !== 1) throw fail(`RoleSessionName must have exactly one value, found ${values.length}`);
  const value = values[0] as string;
  if (!isValidRoleSessionName(value)) {
    throw fail(`RoleSessionName "${value}" is not valid: it must be 2-64 characters of letters, digits and +=,.@_-`);
  }
  return value;
}
