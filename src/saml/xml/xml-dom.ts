/**
 * The DOM that parse-strict-xml builds for every XML document rolegate receives.
 *
 * It carries the W3C DOM Level 2 members that the SAML readers and exclusive canonicalization
 * use (nodeType, nodeName, namespaceURI, prefix, localName, attributes, childNodes, sibling
 * links, textContent, getAttribute…), with DOM semantics, and no more. The parser builds it with
 * appendChild and nothing changes it afterwards (canonicalize-exclusive reads around the
 * enveloped Signature instead of detaching it); removeChild is there for DOM-generic code.
 */

export const ELEMENT_NODE = 1;
export const ATTRIBUTE_NODE = 2;
export const TEXT_NODE = 3;
export const COMMENT_NODE = 8;
export const DOCUMENT_NODE = 9;

export const XMLNS_NAMESPACE = 'http://www.w3.org/2000/xmlns/';

export type XmlChild = XmlElement | XmlText | XmlComment;
export type XmlParent = XmlElement | XmlDocument;

/** What every node has; the tree methods are here because xml-crypto's node check asks for them. */
abstract class XmlNodeBase {
  abstract readonly nodeType: number;
  abstract readonly nodeName: string;
  parentNode: XmlParent | null = null;
  previousSibling: XmlChild | null = null;
  nextSibling: XmlChild | null = null;

  constructor(readonly ownerDocument: XmlDocument | null) {}

  appendChild(_node: XmlChild): XmlChild {
    throw new TypeError(`${this.nodeName} cannot have children`);
  }

  removeChild(_node: XmlChild): XmlChild {
    throw new TypeError(`${this.nodeName} has no children`);
  }
}

/** Text and comments: a node that only carries `data`. */
abstract class XmlCharacterData extends XmlNodeBase {
  constructor(
    ownerDocument: XmlDocument | null,
    public data: string,
  ) {
    super(ownerDocument);
  }

  get nodeValue(): string {
    return this.data;
  }

  get textContent(): string {
    return this.data;
  }
}

export class XmlText extends XmlCharacterData {
  readonly nodeType = TEXT_NODE;
  readonly nodeName = '#text';
}

export class XmlComment extends XmlCharacterData {
  readonly nodeType = COMMENT_NODE;
  readonly nodeName = '#comment';
}

export class XmlAttribute {
  readonly nodeType = ATTRIBUTE_NODE;

  constructor(
    /** The qualified name as written, for example `xmlns:saml` or `ID`. */
    readonly name: string,
    readonly prefix: string | null,
    readonly localName: string,
    readonly namespaceURI: string | null,
    readonly value: string,
  ) {}

  get nodeName(): string {
    return this.name;
  }

  get nodeValue(): string {
    return this.value;
  }
}

/** Children kept both as an array (what xml-crypto indexes) and as sibling links (what readers walk). */
abstract class XmlContainer extends XmlNodeBase {
  readonly childNodes: XmlChild[] = [];

  get firstChild(): XmlChild | null {
    return this.childNodes[0] ?? null;
  }

  get lastChild(): XmlChild | null {
    return this.childNodes[this.childNodes.length - 1] ?? null;
  }

  override appendChild(node: XmlChild): XmlChild {
    if (node.parentNode !== null) throw new TypeError('appendChild: the node must be detached first');
    const previous = this.childNodes[this.childNodes.length - 1] ?? null;
    this.childNodes.push(node);
    node.parentNode = this as unknown as XmlParent;
    node.previousSibling = previous;
    if (previous) previous.nextSibling = node;
    return node;
  }

  override removeChild(node: XmlChild): XmlChild {
    const index = node.parentNode === (this as unknown) ? this.childNodes.indexOf(node) : -1;
    if (index < 0) throw new TypeError('removeChild: not a child of this node');
    this.childNodes.splice(index, 1);
    if (node.previousSibling) node.previousSibling.nextSibling = node.nextSibling;
    if (node.nextSibling) node.nextSibling.previousSibling = node.previousSibling;
    node.parentNode = null;
    node.previousSibling = null;
    node.nextSibling = null;
    return node;
  }
}

export class XmlElement extends XmlContainer {
  readonly nodeType = ELEMENT_NODE;
  readonly attributes: XmlAttribute[] = [];

  constructor(
    ownerDocument: XmlDocument | null,
    /** The qualified name as written, for example `saml:Assertion`. */
    readonly tagName: string,
    readonly prefix: string | null,
    readonly localName: string,
    readonly namespaceURI: string | null,
  ) {
    super(ownerDocument);
  }

  get nodeName(): string {
    return this.tagName;
  }

  /** DOM semantics: the concatenated data of every descendant text node (never comments). */
  get textContent(): string {
    let text = '';
    const stack: XmlChild[] = [];
    for (let i = this.childNodes.length - 1; i >= 0; i -= 1) stack.push(this.childNodes[i] as XmlChild);
    while (stack.length > 0) {
      const node = stack.pop() as XmlChild;
      if (node.nodeType === TEXT_NODE) text += node.data;
      else if (node.nodeType === ELEMENT_NODE) {
        for (let i = node.childNodes.length - 1; i >= 0; i -= 1) stack.push(node.childNodes[i] as XmlChild);
      }
    }
    return text;
  }

  getAttributeNode(qualifiedName: string): XmlAttribute | null {
    for (const attribute of this.attributes) if (attribute.name === qualifiedName) return attribute;
    return null;
  }

  getAttribute(qualifiedName: string): string | null {
    return this.getAttributeNode(qualifiedName)?.value ?? null;
  }

  hasAttribute(qualifiedName: string): boolean {
    return this.getAttributeNode(qualifiedName) !== null;
  }

  getAttributeNS(namespaceURI: string | null, localName: string): string | null {
    for (const attribute of this.attributes) {
      if (attribute.namespaceURI === namespaceURI && attribute.localName === localName) return attribute.value;
    }
    return null;
  }

  /** Descendant elements with this namespace and local name, in document order. */
  getElementsByTagNameNS(namespaceURI: string | null, localName: string): XmlElement[] {
    const found: XmlElement[] = [];
    const stack: XmlChild[] = [];
    for (let i = this.childNodes.length - 1; i >= 0; i -= 1) stack.push(this.childNodes[i] as XmlChild);
    while (stack.length > 0) {
      const node = stack.pop() as XmlChild;
      if (node.nodeType !== ELEMENT_NODE) continue;
      if (node.namespaceURI === namespaceURI && node.localName === localName) found.push(node);
      for (let i = node.childNodes.length - 1; i >= 0; i -= 1) stack.push(node.childNodes[i] as XmlChild);
    }
    return found;
  }
}

export class XmlDocument extends XmlContainer {
  readonly nodeType = DOCUMENT_NODE;
  readonly nodeName = '#document';

  constructor() {
    super(null);
  }

  get documentElement(): XmlElement | null {
    for (const child of this.childNodes) if (child.nodeType === ELEMENT_NODE) return child;
    return null;
  }

  getElementsByTagNameNS(namespaceURI: string | null, localName: string): XmlElement[] {
    const root = this.documentElement;
    if (!root) return [];
    const below = root.getElementsByTagNameNS(namespaceURI, localName);
    return root.namespaceURI === namespaceURI && root.localName === localName ? [root, ...below] : below;
  }
}

export type XmlNode = XmlChild | XmlDocument;
