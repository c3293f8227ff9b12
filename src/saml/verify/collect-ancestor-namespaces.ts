import type { XmlElement, XmlNode } from '../xml/xml-dom.ts';

const ELEMENT_NODE = 1;
const XMLNS_ATTRIBUTE = /^xmlns:?/;

export interface NamespaceBinding {
  prefix: string;
  namespaceURI: string;
}

/**
 * The namespace bindings `element` inherits from its ancestors, nearest first, as xml-crypto's
 * findAncestorNsForElement computes them (without XPath): an undeclaration (`xmlns:p=""`) shadows
 * outer bindings and is itself dropped, and prefixes the element declares or uses itself are
 * left out. Exclusive C14N renders these only for prefixes of an InclusiveNamespaces PrefixList
 * (exc-c14n §3).
 */
export function collectAncestorNamespaces(element: XmlElement): NamespaceBinding[] {
  const ownPrefixes = declaredPrefixes(element);
  ownPrefixes.add(element.prefix ?? '');
  const seen = new Set<string>();
  const bindings: NamespaceBinding[] = [];
  for (let node: XmlNode | null = element.parentNode; node !== null && node.nodeType === ELEMENT_NODE; node = node.parentNode) {
    const attributes = (node as XmlElement).attributes;
    for (let i = 0; i < attributes.length; i += 1) {
      const attribute = attributes[i];
      if (!attribute || !XMLNS_ATTRIBUTE.test(attribute.nodeName)) continue;
      const prefix = attribute.nodeName.replace(XMLNS_ATTRIBUTE, '');
      if (seen.has(prefix)) continue;
      seen.add(prefix);
      const namespaceURI = attribute.nodeValue ?? '';
      if (namespaceURI !== '' && !ownPrefixes.has(prefix)) bindings.push({ prefix, namespaceURI });
    }
  }
  return bindings;
}

function declaredPrefixes(element: XmlElement): Set<string> {
  const prefixes = new Set<string>();
  const attributes = element.attributes;
  for (let i = 0; i < attributes.length; i += 1) {
    const name = attributes[i]?.nodeName ?? '';
    if (name === 'xmlns' || name.startsWith('xmlns:')) prefixes.add(name.replace(XMLNS_ATTRIBUTE, ''));
  }
  return prefixes;
}
