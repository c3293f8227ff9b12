import { isRolegateError } from '../../errors/rolegate-error.ts';
import type { Document } from '@xmldom/xmldom';
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

// The document readCandidateProviders parsed, by its exact text: checkSignature then reads the
// same response once per provider, and parsing is most of what validation costs. Safe to share
// because parsing is a pure function of the text and no reader writes to the document
// (verification detaches the Signature only inside a try/finally, see canonicalize-exclusive.ts).
let lastParsed: { xml: string; doc: Document } | undefined;

/** parseXmlSafely with the sandbox's size limit; checkSignature reuses the result for the same text. */
export function parseSamlXml(xml: string): Document {
  lastParsed = undefined;
  const doc = parseXmlSafely(xml, { maxLength: MAX_SAML_XML_LENGTH });
  lastParsed = { xml, doc };
  return doc;
}

function parsedSamlXml(xml: string): Document {
  return lastParsed?.xml === xml ? lastParsed.doc : parseSamlXml(xml);
}

/**
 * Verifies the response with the certificates of one SAML provider, as AWS does with the
 * provider named by PrincipalArn; never with a certificate the response carries.
 */
export function checkSignature(xml: string, provider: SandboxSamlProvider, allowSha1: boolean): VerifiedSamlResponse {
  try {
    return verifySamlDocument(parsedSamlXml(xml), provider.signingCertificatesPem, { maxLength: MAX_SAML_XML_LENGTH, allowSha1 });
  } catch (error) {
    const refused = toSandboxError(error);
    // Only a key mismatch depends on the provider; say which one was used.
    const keyMismatch = isRolegateError(error) && error.details?.['check'] === 'signature-value';
    if (!keyMismatch) throw refused;
    throw new SandboxSamlError('InvalidIdentityToken', 'check-signature', `${refused.message} (provider ${provider.arn})`, { cause: error });
  }
}
