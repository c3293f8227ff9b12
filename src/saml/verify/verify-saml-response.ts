import type { XmlDocument, XmlElement } from '../xml/xml-dom.ts';
import { SAML_ASSERTION_NS } from '../namespaces.ts';
import { parseXmlSafely } from '../parse-xml-safely.ts';
import { checkResponseRoot } from './check-response-root.ts';
import { checkSignedInfo } from './check-signed-info.ts';
import { checkSingleAssertion } from './check-single-assertion.ts';
import { checkUniqueIds } from './check-unique-ids.ts';
import { childElements } from './dom.ts';
import { refuse } from './errors.ts';
import { locateSignatures } from './locate-signatures.ts';
import { readSignedElement } from './read-signed-element.ts';
import { loadTrustedKeys, verifySignatureValue } from './verify-signature-value.ts';

export interface VerifiedSamlResponse {
  /** The Response element as parsed (only trust fields of it if responseSigned). */
  response: XmlElement;
  responseSigned: boolean;
  /** The one Assertion, read ONLY from verified bytes (the signed Assertion, or the Assertion inside the signed Response). */
  assertion: XmlElement;
  assertionSigned: boolean;
  /** SignatureMethod of the Assertion's signature when it has one, else of the Response's. */
  signatureAlgorithm: string;
}

export interface VerifyOptions {
  /** Largest XML accepted, in characters. */
  maxLength: number;
  /** Accept rsa-sha1 / sha1 (old setups only). */
  allowSha1: boolean;
}

/**
 * Verifies a SAML Response against trusted certificates only and returns the Assertion as
 * read from the bytes a valid signature covers. Errors are RolegateError with code
 * ERR_XML_*, ERR_SAML_RESPONSE_INVALID or ERR_SIGNATURE_INVALID and `details.check`.
 */
export function verifySamlResponse(
  xml: string,
  trustedCertificatesPem: readonly string[],
  options: VerifyOptions,
): VerifiedSamlResponse {
  return verifySamlDocument(parseXmlSafely(xml, { maxLength: options.maxLength }), trustedCertificatesPem, options);
}

/**
 * verifySamlResponse for a document already parsed with parseXmlSafely (same `maxLength`).
 * The document is read, never changed, so one parse can serve several verifications.
 */
export function verifySamlDocument(
  doc: XmlDocument,
  trustedCertificatesPem: readonly string[],
  options: VerifyOptions,
): VerifiedSamlResponse {
  const response = checkResponseRoot(doc);
  checkUniqueIds(doc);
  const assertion = checkSingleAssertion(doc, response);
  const { responseSignature, assertionSignature } = locateSignatures(doc, response, assertion);
  const keys = loadTrustedKeys(trustedCertificatesPem);

  let verifiedResponse: XmlElement | undefined;
  let signatureAlgorithm = '';
  if (responseSignature) {
    const facts = checkSignedInfo(responseSignature, response, 'Response', options.allowSha1);
    signatureAlgorithm = facts.signatureAlgorithm;
    const bytes = verifySignatureValue(responseSignature, response, facts, keys, 'Response', options.allowSha1, options.maxLength);
    verifiedResponse = readSignedElement(bytes, response, 'Response', options.maxLength);
  }
  let verifiedAssertion: XmlElement | undefined;
  if (assertionSignature) {
    const facts = checkSignedInfo(assertionSignature, assertion, 'Assertion', options.allowSha1);
    signatureAlgorithm = facts.signatureAlgorithm;
    const bytes = verifySignatureValue(assertionSignature, assertion, facts, keys, 'Assertion', options.allowSha1, options.maxLength);
    verifiedAssertion = readSignedElement(bytes, assertion, 'Assertion', options.maxLength);
  } else if (verifiedResponse) {
    const inside = childElements(verifiedResponse, SAML_ASSERTION_NS, 'Assertion');
    if (inside.length !== 1) {
      throw refuse('ERR_SIGNATURE_INVALID', 'signed-element', `The signed Response holds ${inside.length} Assertions; exactly one is accepted`);
    }
    verifiedAssertion = inside[0];
  }
  if (!verifiedAssertion) {
    // locateSignatures guarantees one signature, so this is unreachable; fail rather than trust.
    throw refuse('ERR_SIGNATURE_INVALID', 'signed-element', 'No verified Assertion');
  }
  return {
    response: verifiedResponse ?? response,
    responseSigned: verifiedResponse !== undefined,
    assertion: verifiedAssertion,
    assertionSigned: assertionSignature !== undefined,
    signatureAlgorithm,
  };
}
