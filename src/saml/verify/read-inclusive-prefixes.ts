import type { XmlElement } from '../xml/xml-dom.ts';

const ELEMENT_NODE = 1;

/**
 * The InclusiveNamespaces PrefixList of the Reference's exclusive C14N transform (exc-c14n §3),
 * read as xml-crypto's loadReference reads it: every InclusiveNamespaces child of the last
 * Transform, split on spaces, empty entries dropped. check-signed-info admits only
 * InclusiveNamespaces in the exc-c14n namespace there.
 */
export function readInclusivePrefixes(lastTransform: XmlElement): string[] {
  const prefixes: string[] = [];
  for (let node = lastTransform.firstChild; node !== null; node = node.nextSibling) {
    if (node.nodeType !== ELEMENT_NODE || (node as XmlElement).localName !== 'InclusiveNamespaces') continue;
    const list = (node as XmlElement).getAttribute('PrefixList') ?? '';
    for (const prefix of list.split(' ')) if (prefix.length > 0) prefixes.push(prefix);
  }
  return prefixes;
}
