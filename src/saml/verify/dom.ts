import type { Document, Element, Node } from '@xmldom/xmldom';

const ELEMENT_NODE = 1;

function isElement(node: Node | null | undefined): node is Element {
  return node !== null && node !== undefined && node.nodeType === ELEMENT_NODE;
}

/** Direct element children of `parent` with this namespace and local name, in document order. */
export function childElements(parent: Element, namespace: string, localName: string): Element[] {
  const found: Element[] = [];
  for (let node = parent.firstChild; node !== null; node = node.nextSibling) {
    if (isElement(node) && node.namespaceURI === namespace && node.localName === localName) found.push(node);
  }
  return found;
}

/** All direct element children of `parent`. */
export function allChildElements(parent: Element): Element[] {
  const found: Element[] = [];
  for (let node = parent.firstChild; node !== null; node = node.nextSibling) {
    if (isElement(node)) found.push(node);
  }
  return found;
}

/** Every element of the document, in document order (iterative: no recursion depth limit). */
export function allElements(doc: Document): Element[] {
  const found: Element[] = [];
  const root = doc.documentElement;
  if (!root) return found;
  const stack: Element[] = [root];
  while (stack.length > 0) {
    const element = stack.pop() as Element;
    found.push(element);
    const children = allChildElements(element);
    for (let i = children.length - 1; i >= 0; i -= 1) stack.push(children[i] as Element);
  }
  return found;
}

/** The value of an unqualified attribute, or undefined when it is absent. */
export function attributeOf(element: Element, name: string): string | undefined {
  return element.hasAttribute(name) ? (element.getAttribute(name) ?? undefined) : undefined;
}

/** A readable location such as `Response/Assertion/Subject`, for error messages. */
export function pathOf(element: Element): string {
  const parts: string[] = [];
  for (let node: Node | null = element; isElement(node); node = node.parentNode) parts.unshift(node.localName ?? '?');
  return parts.join('/');
}

/**
 * Text of an element: all descendant text concatenated. Reading only the first text node
 * is what made the 2018 comment-injection attacks work (CVE-2017-11427 family).
 */
export function textOf(element: Element): string {
  return element.textContent ?? '';
}
