import { COMMENT_NODE, TEXT_NODE, type XmlElement } from '../xml/xml-dom.ts';

const XML_WHITESPACE = /[ \t\r\n]/g;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Decodes the xs:base64Binary content of DigestValue or SignatureValue (xmldsig-core §4.3.3.6,
 * §4.3.2), or answers undefined. Only text is accepted: exclusive C14N drops comments and the
 * DOM's text drops processing instructions, so any other child could make the value read here
 * differ from the value the signature covers. Whitespace is ignored, as in base64Binary.
 */
export function readBase64Text(element: XmlElement): Buffer | undefined {
  let text = '';
  for (let node = element.firstChild; node !== null; node = node.nextSibling) {
    if (node.nodeType === TEXT_NODE) text += node.data;
    else if (node.nodeType !== COMMENT_NODE) return undefined;
  }
  const compact = text.replace(XML_WHITESPACE, '');
  if (compact.length === 0 || compact.length % 4 !== 0 || !BASE64.test(compact)) return undefined;
  return Buffer.from(compact, 'base64');
}
