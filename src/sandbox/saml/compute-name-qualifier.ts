import { createHash } from 'node:crypto';

/**
 * STS API reference, AssumeRoleWithSAML NameQualifier:
 * BASE64(SHA1(Issuer + AccountId + "/" + ProviderName)). SHA-1 here is AWS's identifier
 * derivation, not a signature.
 */
export function computeNameQualifier(issuer: string, accountId: string, providerName: string): string {
  return createHash('sha1').update(`${issuer}${accountId}/${providerName}`, 'utf8').digest('base64');
}

/** STS API reference, SubjectType: the SAML 2.0 nameid-format prefix is removed, others are kept. */
export function computeSubjectType(nameIdFormat: string | undefined): string {
  const format = nameIdFormat ?? 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified';
  const prefix = 'urn:oasis:names:tc:SAML:2.0:nameid-format:';
  return format.startsWith(prefix) ? format.slice(prefix.length) : format;
}
