import type { ValidatedAwsSamlResponse } from './types.ts';

// IAM User Guide, "Available keys for SAML-based AWS STS federation": eduPersonPrincipalName.
const EDU_PERSON_PRINCIPAL_NAME = 'urn:oid:1.3.6.1.4.1.5923.1.1.1.6';

/**
 * The SAML condition keys a trust policy can test. SAML:aud is the Recipient, not the
 * Audience (SPEC §3). Keys are compared case-insensitively by the evaluator.
 */
export function buildSamlConditionContext(
  validated: ValidatedAwsSamlResponse,
  facts: { nameQualifier: string; subjectType: string; accountId: string; providerName: string },
): Record<string, string | readonly string[]> {
  const context: Record<string, string | readonly string[]> = {
    'SAML:aud': validated.recipient,
    'SAML:iss': validated.issuer,
    'SAML:sub': validated.nameId,
    'SAML:sub_type': facts.subjectType,
    'SAML:namequalifier': facts.nameQualifier,
    'SAML:doc': `${facts.accountId}/${facts.providerName}`,
  };
  const eppn = validated.attributes.find((a) => a.name === EDU_PERSON_PRINCIPAL_NAME)?.values;
  if (eppn && eppn.length > 0) context['SAML:edupersonprincipalname'] = eppn.length === 1 ? (eppn[0] as string) : eppn;
  return context;
}
