import { AWS_SAML_ATTRIBUTES, describeSourceIdentityProblem } from '../../aws/saml-attributes.ts';
import type { ParsedAssertion } from '../../saml/read-assertion.ts';
import { attributeValues } from './attribute-values.ts';
import { SandboxSamlError } from './sandbox-saml-error.ts';

/** SourceIdentity, when present: one value, 2-64 of [\w+=,.@-], not starting with aws: (SPEC §3). */
export function checkSourceIdentity(attributes: ParsedAssertion['attributes']): string | undefined {
  const values = attributeValues(attributes, AWS_SAML_ATTRIBUTES.sourceIdentity);
  if (values === undefined) return undefined;
  const fail = (message: string) => new SandboxSamlError('InvalidIdentityToken', 'check-source-identity', message);
  if (values.length !== 1) throw fail(`SourceIdentity must have exactly one value, found ${values.length}`);
  const value = values[0] as string;
  const problem = describeSourceIdentityProblem(value);
  if (problem) throw fail(`SourceIdentity "${value}" ${problem}`);
  return value;
}
