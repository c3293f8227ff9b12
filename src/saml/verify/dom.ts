import type { XmlDocument, XmlElement, XmlNode } from '../xml/xml-dom.ts';

const ELEMENT_NODE = 1;

function isElement(node: XmlNode | null | undefined): node is XmlElement {
  return node !== null && node !== undefined && node.nodeType === ELEMENT_NODE;
}

/** Direct element children of `parent` with this namespace and local name, in document order. */
export function childElements(parent: XmlElement, namespace: string, localName: string): XmlElement[] {
  const found: XmlElement[] = [];
  for (let node = parent.firstChild; node !== null; node = node.nextSibling) {
    if (isElement(node) && node.namespaceURI === namespace && node.localName === localName) found.push(node);
  }
  return found;
}

/** All direct element children of `parent`. */
export function allChildElements(parent: XmlElement): XmlElement[] {
  const found: XmlElement[] = [];
  for (let node = parent.firstChild; node !== null; node = node.nextSibling) {
    if (isElement(node)) found.push(node);
  }
  return found;
}

/** Every element of the document, in document order (iterative: no recursion depth limit). */
export function allElements(doc: XmlDocument): XmlElement[] {
  const found: XmlElement[] = [];
  const root = doc.documentElement;
  if (!root) return found;
  const stack: XmlElement[] = [root];
  while (stack.length > 0) {
    const element = stack.pop() as XmlElement;
    found.push(element);
    const children = allChildElements(element);
    for (let i = children.length - 1; i >= 0; i -= 1) stack.push(children[i] as XmlElement);
  }
  return found;
}

/** The value of an unqualified attribute, or undefined when it is absent. */
export function attributeOf(element: XmlElement, name: string): string | undefined {
  return element.getAttributeNode(name)?.value;
}

/** A readable location such as `Response/Assertion/Subject`, for error messages. */
export function pathOf(element: XmlElement): string {
  const parts: string[] = [];
  for (let node: XmlNode | null = element; isElement(node); node = node.parentNode) parts.unshift(node.localName ?? '?');
  return parts.join('/');
}

/**
 * Text of an element: all descendant text concatenated. Reading only the first text node
 * is what made the 2018 comment-injection attacks work (CVE-2017-11427 family).
 */
export function textOf(element: XmlElement): string {
  return element.textContent ?? '';
}
