import type { Attr, Element, Node } from '@xmldom/xmldom';
import { XMLNS_NS } from './namespaces.ts';

const XML_NS = 'http://www.w3.org/XML/1998/namespace';

// XML 1.0 §2.2 Char.
const NON_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

/**
 * Makes sure the tree under `root` serializes (XMLSerializer) to text whose parse has the same
 * exclusive C14N as the tree itself, so a digest taken on the live DOM matches what a verifier
 * computes from the sent bytes. Empty text nodes, which have no serialization, are removed.
 * Anything else that would not survive the round trip is refused with a TypeError: the signer
 * signs what the builder makes, and the builder never makes these.
 *
 * Refused: elements without a prefix (the serializer may invent one), a prefix bound to two
 * namespaces on one element (the output would not be well-formed), namespaced attributes without
 * a prefix or unnamespaced ones with a colon, a carriage return in text (XML 1.0 §2.11 turns it
 * into a line feed on parsing), characters outside XML 1.0 Char, and every node that is not an
 * element or text (comments, CDATA, processing instructions).
 */
export function prepareTreeForSigning(root: Element): void {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.nodeType === node.ELEMENT_NODE) {
      checkElement(node as Element);
      for (let child = node.firstChild; child; child = child.nextSibling) stack.push(child);
    } else if (node.nodeType === node.TEXT_NODE) {
      const data = (node as Node & { data: string }).data;
      if (data.length === 0) node.parentNode!.removeChild(node);
      else if (data.includes('\r') || NON_XML_CHAR.test(data)) refuse('text with a carriage return or a non-XML character');
    } else {
      refuse(`a node of type ${node.nodeType} (only elements and text are signed)`);
    }
  }
}

function checkElement(el: Element): void {
  if (!el.prefix || !el.namespaceURI) refuse(`element ${el.tagName} without a namespace prefix`);
  // Prefixes this element binds, its own first; rarely more than three, so a flat list.
  const bound: string[] = [el.prefix, el.namespaceURI];
  const attributes = el.attributes;
  for (let i = 0; i < attributes.length; i++) {
    const attr = attributes.item(i) as Attr;
    if (NON_XML_CHAR.test(attr.value)) refuse(`attribute ${attr.name} with a non-XML character`);
    if (attr.namespaceURI === XMLNS_NS) {
      if (attr.prefix === 'xmlns' && attr.localName) bindPrefix(el, bound, attr.localName, attr.value);
      else if (attr.name !== 'xmlns') refuse(`namespace declaration ${attr.name}`);
    } else if (attr.namespaceURI) {
      if (!attr.prefix || attr.prefix === 'xmlns') refuse(`namespaced attribute ${attr.name} without a usable prefix`);
      if (attr.prefix === 'xml' ? attr.namespaceURI !== XML_NS : attr.namespaceURI === XML_NS) {
        refuse(`attribute ${attr.name} misusing the xml namespace`);
      }
      if (attr.prefix !== 'xml') bindPrefix(el, bound, attr.prefix, attr.namespaceURI);
    } else if (attr.prefix || attr.name.includes(':')) {
      refuse(`attribute ${attr.name} with a prefix but no namespace`);
    }
  }
}

function bindPrefix(el: Element, bound: string[], prefix: string, uri: string): void {
  for (let i = 0; i < bound.length; i += 2) {
    if (bound[i] === prefix) {
      if (bound[i + 1] !== uri) refuse(`prefix ${prefix} bound to two namespaces on ${el.tagName}`);
      return;
    }
  }
  bound.push(prefix, uri);
}

function refuse(what: string): never {
  throw new TypeError(`signSamlResponse cannot sign ${what}`);
}
