import type { XmlDocument, XmlElement } from '../xml/xml-dom.ts';
import { XMLDSIG_NS } from '../namespaces.ts';
import { allElements, pathOf } from './dom.ts';
import { refuse } from './errors.ts';

export interface LocatedSignatures {
  responseSignature: XmlElement | undefined;
  assertionSignature: XmlElement | undefined;
}

/**
 * A Signature is accepted only as a direct child of the Response or of the one Assertion,
 * at most one each (saml-core §5.4.1: enveloped signatures). A Signature anywhere else is
 * refused instead of ignored: the verifier must never have to guess which one counts.
 */
export function locateSignatures(doc: XmlDocument, response: XmlElement, assertion: XmlElement): LocatedSignatures {
  let responseSignature: XmlElement | undefined;
  let assertionSignature: XmlElement | undefined;
  for (const element of allElements(doc)) {
    if (element.namespaceURI !== XMLDSIG_NS || element.localName !== 'Signature') continue;
    const parent = element.parentNode;
    if (parent === response && responseSignature === undefined) {
      responseSignature = element;
    } else if (parent === assertion && assertionSignature === undefined) {
      assertionSignature = element;
    } else {
      const where = pathOf(element);
      throw refuse(
        'ERR_SIGNATURE_INVALID',
        'signature-placement',
        parent === response || parent === assertion
          ? `More than one Signature in ${pathOf(parent as XmlElement)}; exactly one per element is accepted`
          : `Signature at ${where} is not a direct child of the Response or the Assertion`,
      );
    }
  }
  if (!responseSignature && !assertionSignature) {
    throw refuse('ERR_SIGNATURE_INVALID', 'signature-placement', 'Neither the Response nor the Assertion is signed');
  }
  return { responseSignature, assertionSignature };
}
