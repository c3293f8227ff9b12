import { RolegateError } from '../../errors/rolegate-error.ts';
import { COMMENT_NODE, ELEMENT_NODE, TEXT_NODE, type XmlAttribute, type XmlElement } from '../xml/xml-dom.ts';
import { collectAncestorNamespaces, type NamespaceBinding } from './collect-ancestor-namespaces.ts';

/**
 * Exclusive XML Canonicalization without comments (exc-c14n §3) of `element`, with `excludedChild`
 * (the enveloped Signature, xmldsig-core §6.6.4) left out, producing exactly the bytes that
 * xml-crypto's ExclusiveCanonicalization — the canonicalizer rolegate signs with — produces for
 * the same tree, quirks included (each is marked below). canonicalize-exclusive.differential.test.ts
 * holds the two to byte equality.
 *
 * It reads the tree and never changes it: no Signature is detached and no namespace declared on
 * the element, as running xml-crypto on the received DOM required.
 *
 * `inclusivePrefixes` is the InclusiveNamespaces PrefixList (exc-c14n §3); when it is empty, the
 * list of a CanonicalizationMethod child is used instead, as xml-crypto's process() does for
 * SignedInfo.
 *
 * Exclusive C14N repeats a namespace declaration on every sibling that uses it, so a small
 * document can canonicalize to a huge one (a long URI on thousands of siblings). The verifier
 * re-parses these bytes under `maxLength`, so output beyond it is refused as it is built
 * (ERR_XML_TOO_LARGE), before it costs memory and a digest.
 */
export function canonicalizeExclusive(element: XmlElement, inclusivePrefixes: readonly string[], excludedChild: XmlElement | undefined, maxLength: number): string {
  if (excludedChild !== undefined && excludedChild.parentNode !== element) {
    throw new TypeError('the excluded node must be a child of the canonicalized element');
  }
  // A set: the list comes from the unverified Transform and is consulted per attribute.
  const prefixList = new Set(inclusivePrefixes.length > 0 ? inclusivePrefixes : prefixListOfCanonicalizationMethod(element));
  // xml-crypto declares the ancestors' bindings for listed prefixes on the element itself.
  const inherited: NamespaceBinding[] = [];
  if (prefixList.size > 0) for (const binding of collectAncestorNamespaces(element)) if (prefixList.has(binding.prefix)) inherited.push(binding);
  const canonicalizer = new ExclusiveCanonicalizer(prefixList, excludedChild, maxLength);
  canonicalizer.element(element, '', inherited);
  canonicalizer.checkLength();
  return canonicalizer.output;
}

class ExclusiveCanonicalizer {
  output = '';
  /** The namespace bindings rendered on the output path so far, outermost first (a stack). */
  private readonly rendered: NamespaceBinding[] = [];

  constructor(
    private readonly prefixList: ReadonlySet<string>,
    private readonly excludedChild: XmlElement | undefined,
    private readonly maxLength: number,
  ) {}

  checkLength(): void {
    if (this.output.length > this.maxLength) {
      throw new RolegateError('ERR_XML_TOO_LARGE', `The canonical form of the signed element is longer than ${this.maxLength} characters`);
    }
  }

  /** `defaultNamespace` may be null: xml-crypto carries a null namespaceURI down as the default. */
  element(element: XmlElement, defaultNamespace: string | null, inherited: readonly NamespaceBinding[]): void {
    const scopeDepth = this.rendered.length;
    const { declarations, defaultNamespace: childDefault } = this.namespaceDeclarations(element, defaultNamespace, inherited);
    this.output += `<${element.tagName}${declarations}${renderAttributes(element.attributes)}>`;
    this.checkLength();
    for (const child of element.childNodes) {
      if (child === this.excludedChild || child.nodeType === COMMENT_NODE) continue;
      if (child.nodeType === TEXT_NODE) this.output += escapeText(child.data);
      else if (child.nodeType === ELEMENT_NODE) this.element(child, childDefault, []);
    }
    this.output += `</${element.tagName}>`;
    this.rendered.length = scopeDepth;
  }

  /** exc-c14n §3 "visibly utilized" namespaces, as xml-crypto's renderNs decides them. */
  private namespaceDeclarations(element: XmlElement, defaultNamespace: string | null, inherited: readonly NamespaceBinding[]) {
    let declarations = '';
    let childDefault = defaultNamespace;
    const toRender: NamespaceBinding[] = [];
    if (element.prefix) {
      if (!this.inScope(element.prefix, element.namespaceURI ?? '')) this.render(toRender, element.prefix, element.namespaceURI ?? '');
    } else if (defaultNamespace !== (element.namespaceURI ?? '')) {
      // xml-crypto quirk: a null namespace is carried down as null, so every unprefixed
      // no-namespace descendant of an undeclaration repeats xmlns="".
      childDefault = element.namespaceURI;
      declarations += ` xmlns="${element.namespaceURI ?? ''}"`;
    }
    this.renderAttributeNamespaces(toRender, element.attributes);
    if (inherited.length > 0) this.renderAttributeNamespaces(toRender, inherited.map(asDeclaration));
    // xml-crypto sorts prefixes with localeCompare, not by code point as exc-c14n §3 says.
    if (toRender.length > 1) toRender.sort(comparePrefixes);
    for (const binding of toRender) declarations += ` xmlns:${binding.prefix}="${binding.namespaceURI}"`;
    return { declarations, defaultNamespace: childDefault };
  }

  private renderAttributeNamespaces(toRender: NamespaceBinding[], attributes: readonly AttributeLike[]): void {
    for (const attribute of attributes) {
      if (!attribute.prefix) continue;
      // A declaration of a listed prefix (xml-crypto tests the local name of any prefixed attribute).
      if (!this.inScope(attribute.localName, attribute.value) && this.prefixList.has(attribute.localName)) {
        this.render(toRender, attribute.localName, attribute.value);
      }
      if (attribute.prefix !== 'xmlns' && attribute.prefix !== 'xml' && !this.inScope(attribute.prefix, attribute.namespaceURI ?? '')) {
        this.render(toRender, attribute.prefix, attribute.namespaceURI ?? '');
      }
    }
  }

  private render(toRender: NamespaceBinding[], prefix: string, namespaceURI: string): void {
    const binding = { prefix, namespaceURI };
    toRender.push(binding);
    this.rendered.push(binding);
  }

  /** The innermost rendered binding of `prefix` is to `namespaceURI`. */
  private inScope(prefix: string, namespaceURI: string): boolean {
    for (let i = this.rendered.length - 1; i >= 0; i -= 1) {
      const binding = this.rendered[i] as NamespaceBinding;
      if (binding.prefix === prefix) return binding.namespaceURI === namespaceURI;
    }
    return false;
  }
}

type AttributeLike = Pick<XmlAttribute, 'prefix' | 'localName' | 'namespaceURI' | 'value'>;

function asDeclaration(binding: NamespaceBinding): AttributeLike {
  return { prefix: 'xmlns', localName: binding.prefix, namespaceURI: 'http://www.w3.org/2000/xmlns/', value: binding.namespaceURI };
}

/** Attributes other than namespace declarations, unqualified first, then by namespace URI + local name. */
function renderAttributes(attributes: readonly XmlAttribute[]): string {
  // xml-crypto quirk: any attribute whose name starts with "xmlns" counts as a declaration.
  const rendered: XmlAttribute[] = [];
  for (const attribute of attributes) if (!attribute.name.startsWith('xmlns')) rendered.push(attribute);
  if (rendered.length > 1) rendered.sort(compareAttributes);
  let text = '';
  for (const attribute of rendered) text += ` ${attribute.name}="${escapeAttribute(attribute.value)}"`;
  return text;
}

function comparePrefixes(a: NamespaceBinding, b: NamespaceBinding): number {
  return a.prefix === b.prefix ? 0 : a.prefix.localeCompare(b.prefix);
}

function compareAttributes(a: XmlAttribute, b: XmlAttribute): number {
  if (!a.namespaceURI && b.namespaceURI) return -1;
  if (!b.namespaceURI && a.namespaceURI) return 1;
  // As xml-crypto concatenates them: a null namespace reads "null", which orders the same for both.
  const left = `${a.namespaceURI}${a.localName}`;
  const right = `${b.namespaceURI}${b.localName}`;
  return left === right ? 0 : left < right ? -1 : 1;
}

// xml-c14n §5.1 ("Text Nodes") and ("Attribute Nodes").
const HAS_TEXT_SPECIALS = /[&<>\r]/;
const TEXT_SPECIALS = /[&<>\r]/g;
const TEXT_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#xD;' };
const HAS_ATTRIBUTE_SPECIALS = /[&<"\r\n\t]/;
const ATTRIBUTE_SPECIALS = /[&<"\r\n\t]/g;
const ATTRIBUTE_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '"': '&quot;', '\r': '&#xD;', '\n': '&#xA;', '\t': '&#x9;' };

function escapeText(text: string): string {
  return HAS_TEXT_SPECIALS.test(text) ? text.replace(TEXT_SPECIALS, escapeTextCharacter) : text;
}

function escapeAttribute(value: string): string {
  return HAS_ATTRIBUTE_SPECIALS.test(value) ? value.replace(ATTRIBUTE_SPECIALS, escapeAttributeCharacter) : value;
}

function escapeTextCharacter(character: string): string {
  return TEXT_ESCAPES[character] as string;
}

function escapeAttributeCharacter(character: string): string {
  return ATTRIBUTE_ESCAPES[character] as string;
}

/** CanonicalizationMethod/InclusiveNamespaces@PrefixList of a child, matched by local name in any namespace, as xml-crypto does. */
function prefixListOfCanonicalizationMethod(element: XmlElement): string[] {
  const method = firstChildNamed(element, 'CanonicalizationMethod');
  const inclusive = method && firstChildNamed(method, 'InclusiveNamespaces');
  if (!inclusive) return [];
  return (inclusive.getAttribute('PrefixList') ?? '').split(' ').filter((prefix) => prefix.length > 0);
}

function firstChildNamed(parent: XmlElement, localName: string): XmlElement | undefined {
  for (const child of parent.childNodes) if (child.nodeType === ELEMENT_NODE && child.localName === localName) return child;
  return undefined;
}
