import type { XmlElement } from '../xml/xml-dom.ts';
import { parseXmlSafely } from '../parse-xml-safely.ts';
import { attributeOf } from './dom.ts';
import { refuse } from './errors.ts';

/**
 * Re-parses the canonical bytes that the signature covers. Everything downstream reads this
 * element, never the received document, so no wrapping trick can show the reader other
 * content than the digest saw (the idea of node-saml's getVerifiedXml).
 */
export function readSignedElement(canonicalXml: string, expected: XmlElement, label: string, maxLength: number): XmlElement {
  const doc = parseXmlSafely(canonicalXml, { maxLength });
  const root = doc.documentElement as XmlElement;
  const sameElement =
    root.namespaceURI === expected.namespaceURI &&
    root.localName === expected.localName &&
    attributeOf(root, 'ID') !== undefined &&
    attributeOf(root, 'ID') === attributeOf(expected, 'ID');
  if (!sameElement) {
    throw refuse('ERR_SIGNATURE_INVALID', 'signed-element', `The signed content is not the ${label} that carries the Signature`);
  }
  return root;
}
