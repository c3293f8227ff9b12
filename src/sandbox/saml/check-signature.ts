import { isRolegateError } from '../../errors/rolegate-error.ts';
import type { XmlDocument } from '../../saml/xml/xml-dom.ts';
import { parseXmlSafely } from '../../saml/parse-xml-safely.ts';
import { verifySamlDocument, type VerifiedSamlResponse } from '../../saml/verify/verify-saml-response.ts';
import { SandboxSamlError } from './sandbox-saml-error.ts';
import type { SandboxSamlProvider } from './types.ts';

export const MAX_SAML_XML_LENGTH = 100_000;

/** Maps a verification refusal to the AWS answer and to the check that names it. */
export function toSandboxError(error: unknown): SandboxSamlError {
  if (isRolegateError(error)) {
    const check = error.code.startsWith('ERR_XML_')
      ? 'check-xml'
      : error.code === 'ERR_SAML_RESPONSE_INVALID'
        ? 'check-response-structure'
        : 'check-signature';
    return new SandboxSamlError('InvalidIdentityToken', check, error.message, { cause: error });
  }
  throw error;
}

/**
 * Parses the response once, with the sandbox's size limit. Parsing is most of what validation
 * costs, so the one document is read by readCandidateProviders and by checkSignature for each
 * provider; that is safe because nothing writes to a parsed document (saml/xml/xml-dom.ts).
 */
export function parseSamlXml(xml: string): XmlDocument {
  try {
    return parseXmlSafely(xml, { maxLength: MAX_SAML_XML_LENGTH });
  } catch (error) {
    throw toSandboxError(error);
  }
}

/**
 * Verifies the response with the certificates of one SAML provider, as AWS does with the
 * provider named by PrincipalArn; never with a certificate the response carries.
 */
export function checkSignature(doc: XmlDocument, provider: SandboxSamlProvider, allowSha1: boolean): VerifiedSamlResponse {
  try {
    return verifySamlDocument(doc, provider.signingCertificatesPem, { maxLength: MAX_SAML_XML_LENGTH, allowSha1 });
  } catch (error) {
    const refused = toSandboxError(error);
    // Only a key mismatch depends on the provider; say which one was used.
    const keyMismatch = isRolegateError(error) && error.details?.['check'] === 'signature-value';
    if (!keyMismatch) throw refused;
    throw new SandboxSamlError('InvalidIdentityToken', 'check-signature', `${refused.message} (provider ${provider.arn})`, { cause: error });
  }
}
