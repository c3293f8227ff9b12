import { AWS_SAML_ATTRIBUTES, describePrincipalTagProblem, MAX_PRINCIPAL_TAGS } from '../../aws/saml-attributes.ts';
import type { ParsedAssertion } from '../../saml/read-assertion.ts';
import { attributeValues } from './attribute-values.ts';
import { SandboxSamlError } from './sandbox-saml-error.ts';

export interface PrincipalTags {
  principalTags: Record<string, string>;
  transitiveTagKeys: string[];
}

/**
 * PrincipalTag:<Key> attributes: single-valued, at most 50, key 1-128 and value 0-256 of the
 * tag character set, keys unique ignoring case. TransitiveTagKeys must name session tags.
 * (SPEC §3; IAM User Guide, "Pass session tags in AWS STS".)
 */
export function checkPrincipalTags(attributes: ParsedAssertion['attributes']): PrincipalTags {
  const fail = (message: string) => new SandboxSamlError('InvalidIdentityToken', 'check-principal-tags', message);
  const principalTags: Record<string, string> = {};
  const seen = new Map<string, string>();
  for (const attribute of attributes) {
    if (!attribute.name.startsWith(AWS_SAML_ATTRIBUTES.principalTagPrefix)) continue;
    const key = attribute.name.slice(AWS_SAML_ATTRIBUTES.principalTagPrefix.length);
    if (attribute.values.length !== 1) throw fail(`PrincipalTag:${key} must have exactly one value, found ${attribute.values.length}`);
    const value = attribute.values[0] as string;
    const problem = describePrincipalTagProblem(key, value);
    if (problem) throw fail(`PrincipalTag:${key}: ${problem}`);
    const earlier = seen.get(key.toLowerCase());
    if (earlier !== undefined) throw fail(`PrincipalTag:${key} repeats PrincipalTag:${earlier}; tag keys are case-insensitive`);
    seen.set(key.toLowerCase(), key);
    principalTags[key] = value;
  }
  if (seen.size > MAX_PRINCIPAL_TAGS) throw fail(`The assertion has ${seen.size} PrincipalTag attributes; at most ${MAX_PRINCIPAL_TAGS} are allowed`);

  const transitiveTagKeys = attributeValues(attributes, AWS_SAML_ATTRIBUTES.transitiveTagKeys) ?? [];
  for (const key of transitiveTagKeys) {
    if (!seen.has(key.toLowerCase())) throw fail(`TransitiveTagKeys names "${key}", which is not a PrincipalTag of this assertion`);
  }
  return { principalTags, transitiveTagKeys };
}
