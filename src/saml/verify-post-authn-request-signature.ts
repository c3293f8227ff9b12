import type { KeyObject } from 'node:crypto';
import type { XmlDocument, XmlElement } from './xml/xml-dom.ts';
import { isRolegateError } from '../errors/rolegate-error.ts';
import { refuseAuthnRequestSignature, signatureDoesNotVerify } from './authn-request-signature-errors.ts';
import { SAML_ASSERTION_NS, SAML_PROTOCOL_NS, XMLDSIG_NS } from './namespaces.ts';
import { checkSignedInfo } from './verify/check-signed-info.ts';
import { checkUniqueIds } from './verify/check-unique-ids.ts';
import { allChildElements } from './verify/dom.ts';
import { readSignedElement } from './verify/read-signed-element.ts';
import { verifySignatureValue } from './verify/verify-signature-value.ts';

const LABEL = 'AuthnRequest';

/**
 * The enveloped ds:Signature of an AuthnRequest (saml-bindings §3.5.4.1, saml-core §5.4): the
 * only Signature in the document, a direct child of samlp:AuthnRequest right after its Issuer
 * (saml-core §3.2.1 schema order), one Reference to `#` + the AuthnRequest's ID, transforms
 * [enveloped-signature, exc-c14n], allow-listed algorithms, and a value that one of the
 * trusted keys verifies. Returns the canonical bytes the signature covers: the caller parses
 * the request from these, never from the received document.
 */
export function verifyPostAuthnRequestSignature(
  doc: XmlDocument,
  trustedKeys: readonly KeyObject[],
  allowSha1: boolean,
  maxLength: number,
): string {
  const root = doc.documentElement;
  if (!root || root.namespaceURI !== SAML_PROTOCOL_NS || root.localName !== 'AuthnRequest') {
    throw refuseAuthnRequestSignature('root', 'the signed message is not a samlp:AuthnRequest');
  }
  const signature = locateSignature(doc, root);
  try {
    checkUniqueIds(doc);
    const facts = checkSignedInfo(signature, root, LABEL, allowSha1);
    const canonical = verifySignatureValue(signature, root, facts, trustedKeys, LABEL, allowSha1, maxLength);
    readSignedElement(canonical, root, LABEL, maxLength);
    return canonical;
  } catch (error) {
    throw translate(error, trustedKeys.length);
  }
}

function locateSignature(doc: XmlDocument, root: XmlElement): XmlElement {
  const all = doc.getElementsByTagNameNS(XMLDSIG_NS, 'Signature');
  if (all.length !== 1) {
    throw refuseAuthnRequestSignature('Signature', `the AuthnRequest holds ${all.length} ds:Signature elements; exactly one is accepted`);
  }
  const signature = all[0] as XmlElement;
  const children = allChildElements(root);
  const issuer = children[0];
  const placed =
    signature.parentNode === root &&
    issuer !== undefined &&
    issuer.namespaceURI === SAML_ASSERTION_NS &&
    issuer.localName === 'Issuer' &&
    children[1] === signature;
  if (!placed) {
    throw refuseAuthnRequestSignature('Signature', 'the AuthnRequest ds:Signature must be the direct child of samlp:AuthnRequest that follows saml:Issuer');
  }
  return signature;
}

// The kernel's messages speak of a Response and its metadata; say what went wrong with the request.
function translate(error: unknown, keyCount: number): unknown {
  if (!isRolegateError(error)) return error;
  const check = error.details?.['check'];
  if (check === 'signature-value' || check === 'signature-digest') {
    return refuseAuthnRequestSignature('Signature', signatureDoesNotVerify(keyCount), error);
  }
  if (check === 'unique-ids') {
    return refuseAuthnRequestSignature('ID', 'the AuthnRequest repeats an ID value, which is refused to prevent signature wrapping', error);
  }
  return refuseAuthnRequestSignature('Signature', `the AuthnRequest signature is not accepted: ${error.message}`, error);
}
