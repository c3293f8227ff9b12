import { ELEMENT_NODE, type XmlNode } from '../../src/saml/xml/xml-dom.ts';

/**
 * Every node of a parsed tree, with its names, namespace, attributes and data, one per line:
 * for tests that check a document was left exactly as it was parsed.
 */
export function describeXmlTree(root: XmlNode): string {
  const lines: string[] = [];
  const walk = (node: XmlNode, depth: number): void => {
    const indent = '  '.repeat(depth);
    if (node.nodeType === ELEMENT_NODE) {
      const attributes = node.attributes.map((a) => `${a.name}{${a.namespaceURI ?? ''}}=${JSON.stringify(a.value)}`).join(' ');
      lines.push(`${indent}<${node.tagName}{${node.namespaceURI ?? ''}} ${attributes}>`);
    } else if (node.nodeType !== 9) {
      lines.push(`${indent}${node.nodeName} ${JSON.stringify(node.data)}`);
    }
    if (node.nodeType === ELEMENT_NODE || node.nodeType === 9) for (const child of node.childNodes) walk(child, depth + 1);
  };
  walk(root, 0);
  return lines.join('\n');
}
