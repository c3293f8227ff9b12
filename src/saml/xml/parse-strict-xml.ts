import { RolegateError } from '../../errors/rolegate-error.ts';
import { decodeReferences, XmlReferenceError } from './decode-references.ts';
import { XmlAttribute, XmlComment, XmlDocument, XmlElement, XmlText, XMLNS_NAMESPACE, TEXT_NODE, type XmlParent } from './xml-dom.ts';
import { isWhitespaceCode, NC_NAME_AT, NOT_XML_CHAR, QNAME_AT, WHITESPACE_AT } from './xml-grammar.ts';

const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';

/** Deeper nesting than any SAML message or metadata needs; refusing it bounds every recursive reader. */
export const MAX_ELEMENT_DEPTH = 100;

const SLASH = 0x2f;
const GT = 0x3e;
const EQUALS = 0x3d;
const QUOTE = 0x22;
const APOSTROPHE = 0x27;
const COLON = 0x3a;

const LITERAL_WHITESPACE_ALL = /[\t\n]/g;
const AMBIGUOUS_IN_CANONICAL_XML = /[&<"\t\n\r]/;
// Names and values quoted in messages can be as long as the document; the point is made in less.
const MAX_PROBLEM_LENGTH = 300;
// Most documents are printable ASCII, which this simpler expression rules in faster than NOT_XML_CHAR.
const NOT_PRINTABLE_ASCII = /[^\t\n\r\x20-\x7E]/;

/** Each prefix's bindings, innermost last ('' for xmlns=""); keys are never deleted (V8 Map set+delete churn is quadratic on large maps). */
type Scope = Map<string, string[]>;
/** The prefixes a start tag declared, to pop at its end tag. */
type ScopeUndo = string[];

interface RawAttribute {
  name: string;
  prefix: string | null;
  localName: string;
  value: string;
  at: number;
}

interface OpenElement {
  element: XmlElement;
  undo: ScopeUndo | undefined;
}

/**
 * A strict, non-validating parser for XML 1.0 (Fifth Edition) with Namespaces in XML 1.0, for
 * documents without a DTD (the caller refuses those first). It refuses everything that is not
 * namespace-well-formed — it never repairs — and builds an xml-dom tree:
 * - line ends normalized (§2.11), attribute values normalized as CDATA (§3.3.3);
 * - only character references and the five predefined entities (§4.1, §4.6);
 * - CDATA sections become text, merged with adjacent text, as canonical XML reads them;
 * - comments inside the document element are kept (canonicalization drops them), comments and
 *   processing instructions outside it are checked and dropped;
 * - processing instructions inside the document element are refused: SAML never carries
 *   them, and xml-crypto's canonicalizer would render one as text;
 * - nesting deeper than MAX_ELEMENT_DEPTH is refused.
 *
 * Errors are RolegateError ERR_XML_MALFORMED naming the problem and its line and column.
 */
export function parseStrictXml(xml: string): XmlDocument {
  return new StrictXmlParser(xml.includes('\r') ? xml.replace(/\r\n?/g, '\n') : xml).parse();
}

class StrictXmlParser {
  private position = 0;
  private readonly doc = new XmlDocument();
  private readonly open: OpenElement[] = [];
  private rootClosed = false;
  /** The in-scope bindings of the current element; start tags change it and end tags undo that. */
  private readonly scope: Scope = new Map([['xml', [XML_NAMESPACE]]]);

  constructor(private readonly xml: string) {}

  parse(): XmlDocument {
    const invalid = NOT_PRINTABLE_ASCII.test(this.xml) ? NOT_XML_CHAR.exec(this.xml) : null;
    if (invalid) this.fail(`character U+${codePointHex(invalid[0])} is not allowed in XML`, invalid.index);
    this.readXmlDeclaration();
    const { xml } = this;
    while (this.position < xml.length) {
      const next = xml.indexOf('<', this.position);
      const end = next < 0 ? xml.length : next;
      if (end > this.position) this.readText(end);
      if (next < 0) break;
      this.readMarkup();
    }
    if (this.open.length > 0) this.fail(`element <${this.current().element.tagName}> is not closed`, xml.length);
    if (!this.rootClosed) this.fail('the document has no root element', xml.length);
    return this.doc;
  }

  private readMarkup(): void {
    const { xml, position } = this;
    if (xml.startsWith('</', position)) this.readEndTag();
    else if (xml.startsWith('<!--', position)) this.readComment();
    else if (xml.startsWith('<![CDATA[', position)) this.readCdata();
    else if (xml.startsWith('<?', position)) this.readProcessingInstruction();
    else if (xml.startsWith('<!', position)) this.fail('markup declarations are not allowed', position);
    else this.readStartTag();
  }

  // XML 1.0 §2.8 [23] XMLDecl, only at the very start of the document.
  private readXmlDeclaration(): void {
    const { xml } = this;
    if (!xml.startsWith('<?xml') || !isWhitespaceCode(xml.charCodeAt(5))) return;
    const end = xml.indexOf('?>');
    if (end < 0) this.fail('the XML declaration is not closed', 0);
    const declaration = xml.slice(5, end);
    const match = /^[ \t\n]+version[ \t\n]*=[ \t\n]*(["'])([^"']*)\1(?:[ \t\n]+encoding[ \t\n]*=[ \t\n]*(["'])([A-Za-z][A-Za-z0-9._-]*)\3)?(?:[ \t\n]+standalone[ \t\n]*=[ \t\n]*(["'])(yes|no)\5)?[ \t\n]*$/.exec(declaration);
    if (!match) this.fail('the XML declaration is malformed', 0);
    if (match[2] !== '1.0') this.fail(`XML version "${match[2]}" is not supported (only 1.0)`, 0);
    const encoding = match[4];
    if (encoding !== undefined && encoding.toUpperCase() !== 'UTF-8') {
      this.fail(`the document declares encoding "${encoding}", but it was read as UTF-8`, 0);
    }
    this.position = end + 2;
  }

  private readText(end: number): void {
    const { xml, position } = this;
    const raw = xml.slice(position, end);
    this.position = end;
    if (this.open.length === 0) {
      WHITESPACE_AT.lastIndex = position;
      const blank = WHITESPACE_AT.exec(xml);
      if (!blank || blank[0].length !== raw.length) {
        this.fail(this.rootClosed ? 'text after the root element' : 'text before the root element', position);
      }
      return;
    }
    const terminator = raw.indexOf(']]>');
    if (terminator >= 0) this.fail('"]]>" is not allowed in text', position + terminator);
    this.appendText(this.decode(raw, position));
  }

  private readCdata(): void {
    const { xml, position } = this;
    if (this.open.length === 0) this.fail('a CDATA section outside the root element', position);
    const start = position + '<![CDATA['.length;
    const end = xml.indexOf(']]>', start);
    if (end < 0) this.fail('the CDATA section is not closed', position);
    this.position = end + 3;
    if (end > start) this.appendText(xml.slice(start, end));
  }

  private appendText(text: string): void {
    const parent = this.current().element;
    const last = parent.lastChild;
    if (last !== null && last.nodeType === TEXT_NODE) last.data += text;
    else parent.appendChild(new XmlText(this.doc, text));
  }

  // XML 1.0 §2.5 [15]: "--" must not occur inside, and the text must not end with "-".
  private readComment(): void {
    const { xml, position } = this;
    const start = position + 4;
    const dashes = xml.indexOf('--', start);
    if (dashes < 0) this.fail('the comment is not closed', position);
    if (xml.charCodeAt(dashes + 2) !== GT) this.fail('"--" is not allowed inside a comment', dashes);
    this.position = dashes + 3;
    if (this.open.length > 0) this.current().element.appendChild(new XmlComment(this.doc, xml.slice(start, dashes)));
  }

  // XML 1.0 §2.6 [16]; refused inside the root element (see parseStrictXml).
  private readProcessingInstruction(): void {
    const { xml, position } = this;
    if (this.open.length > 0) this.fail('processing instructions are not accepted inside the root element', position);
    NC_NAME_AT.lastIndex = position + 2;
    const target = NC_NAME_AT.exec(xml);
    if (!target) this.fail('a processing instruction without a target', position);
    if (target[0].toLowerCase() === 'xml') this.fail('an XML declaration is only allowed at the very start of the document', position);
    const afterTarget = position + 2 + target[0].length;
    const end = xml.indexOf('?>', afterTarget);
    if (end < 0) this.fail('the processing instruction is not closed', position);
    if (end > afterTarget && !isWhitespaceCode(xml.charCodeAt(afterTarget))) {
      this.fail('the processing instruction target must be a name without a colon, followed by white space', afterTarget);
    }
    this.position = end + 2;
  }

  private readStartTag(): void {
    const { xml } = this;
    const tagStart = this.position;
    if (this.rootClosed) this.fail('a second root element', tagStart);
    if (this.open.length >= MAX_ELEMENT_DEPTH) this.fail(`elements are nested deeper than ${MAX_ELEMENT_DEPTH} levels`, tagStart);
    this.position += 1;
    const qualified = this.readQualifiedName('an element name');
    const attributes: RawAttribute[] = [];
    for (;;) {
      const hadWhitespace = this.skipWhitespace();
      const code = xml.charCodeAt(this.position);
      if (code === GT || (code === SLASH && xml.charCodeAt(this.position + 1) === GT)) break;
      if (Number.isNaN(code)) this.fail(`the start tag <${qualified.name}> is not closed`, tagStart);
      if (!hadWhitespace) this.fail(`white space is required before attribute names in <${qualified.name}>`, this.position);
      attributes.push(this.readAttribute(qualified.name));
    }
    const selfClosing = xml.charCodeAt(this.position) === SLASH;
    this.position += selfClosing ? 2 : 1;

    const undo = this.declareNamespaces(attributes);
    const { scope } = this;
    const namespace = this.resolvePrefix(qualified.prefix, scope, true, tagStart);
    const element = new XmlElement(this.doc, qualified.name, qualified.prefix, qualified.localName, namespace);
    for (const attribute of attributes) element.attributes.push(this.resolveAttribute(attribute, scope));
    const duplicate = findDuplicateAttribute(element);
    if (duplicate !== undefined) this.fail(duplicate, tagStart);

    const parent: XmlParent = this.open.length > 0 ? this.current().element : this.doc;
    parent.appendChild(element);
    if (selfClosing) {
      restoreScope(scope, undo);
      if (this.open.length === 0) this.rootClosed = true;
      return;
    }
    this.open.push({ element, undo });
  }

  private readEndTag(): void {
    const { xml } = this;
    const tagStart = this.position;
    const open = this.open.pop();
    // The common case needs no name parsing: the open element's name, then white space or ">".
    const expected = open?.element.tagName;
    const afterName = tagStart + 2 + (expected?.length ?? 0);
    const matches = expected !== undefined && xml.startsWith(expected, tagStart + 2) && !isNameContinuation(xml.charCodeAt(afterName));
    this.position = matches ? afterName : tagStart + 2;
    const name = matches ? (expected as string) : this.readQualifiedName('an end tag name').name;
    this.skipWhitespace();
    if (xml.charCodeAt(this.position) !== GT) this.fail(`the end tag </${name}> is malformed`, tagStart);
    this.position += 1;
    if (!open) this.fail(`end tag </${name}> without a start tag`, tagStart);
    if (!matches) this.fail(`end tag </${name}> does not match the start tag <${open.element.tagName}>`, tagStart);
    restoreScope(this.scope, open.undo);
    if (this.open.length === 0) this.rootClosed = true;
  }

  private readAttribute(elementName: string): RawAttribute {
    const { xml } = this;
    const at = this.position;
    const qualified = this.readQualifiedName(`an attribute name in <${elementName}>`);
    this.skipWhitespace();
    if (xml.charCodeAt(this.position) !== EQUALS) this.fail(`attribute ${qualified.name} has no value`, at);
    this.position += 1;
    this.skipWhitespace();
    const quote = xml.charCodeAt(this.position);
    if (quote !== QUOTE && quote !== APOSTROPHE) this.fail(`the value of attribute ${qualified.name} is not quoted`, this.position);
    const valueStart = this.position + 1;
    const valueEnd = xml.indexOf(quote === QUOTE ? '"' : "'", valueStart);
    if (valueEnd < 0) this.fail(`the value of attribute ${qualified.name} is not closed`, this.position);
    const raw = xml.slice(valueStart, valueEnd);
    const lessThan = raw.indexOf('<');
    if (lessThan >= 0) this.fail(`"<" is not allowed in the value of attribute ${qualified.name}`, valueStart + lessThan);
    this.position = valueEnd + 1;
    // §3.3.3: each literal white-space character becomes a space; references are decoded after.
    const normalized = raw.includes('\n') || raw.includes('\t') ? raw.replace(LITERAL_WHITESPACE_ALL, ' ') : raw;
    return { name: qualified.name, prefix: qualified.prefix, localName: qualified.localName, value: this.decode(normalized, valueStart), at };
  }

  /** Namespaces in XML 1.0 §3 and its namespace constraints. */
  private declareNamespaces(attributes: readonly RawAttribute[]): ScopeUndo | undefined {
    let undo: ScopeUndo | undefined;
    const { scope } = this;
    for (const attribute of attributes) {
      const isDefault = attribute.prefix === null && attribute.localName === 'xmlns';
      if (!isDefault && attribute.prefix !== 'xmlns') continue;
      const prefix = isDefault ? '' : attribute.localName;
      const uri = attribute.value;
      if (prefix === 'xmlns') this.fail('the prefix xmlns must not be declared', attribute.at);
      if (prefix === 'xml' && uri !== XML_NAMESPACE) this.fail(`the prefix xml must not be bound to "${uri}"`, attribute.at);
      if (prefix !== 'xml' && uri === XML_NAMESPACE) this.fail('the XML namespace must not be bound to another prefix', attribute.at);
      if (uri === XMLNS_NAMESPACE) this.fail('the xmlns namespace must not be declared', attribute.at);
      if (prefix !== '' && uri === '') this.fail(`the prefix ${prefix} must not be undeclared (xmlns:${prefix}="")`, attribute.at);
      // Canonical XML writes namespace names unescaped (xml-crypto, and so rolegate's own), so one
      // holding these would canonicalize to ambiguous bytes. No real namespace name has them.
      if (AMBIGUOUS_IN_CANONICAL_XML.test(uri)) this.fail(`the namespace name of ${attribute.name} contains &, <, " or a tab or line break`, attribute.at);
      (undo ??= []).push(prefix);
      const stack = scope.get(prefix);
      if (stack === undefined) scope.set(prefix, [uri]);
      else stack.push(uri);
    }
    return undo;
  }

  private resolveAttribute(attribute: RawAttribute, scope: Scope): XmlAttribute {
    const { name, prefix, localName, value } = attribute;
    if (prefix === null) {
      return new XmlAttribute(name, null, localName, localName === 'xmlns' ? XMLNS_NAMESPACE : null, value);
    }
    const namespace = prefix === 'xmlns' ? XMLNS_NAMESPACE : this.resolvePrefix(prefix, scope, false, attribute.at);
    return new XmlAttribute(name, prefix, localName, namespace, value);
  }

  private resolvePrefix(prefix: string | null, scope: Scope, forElement: boolean, at: number): string | null {
    if (prefix === null) return forElement ? (lastOf(scope.get('')) || null) : null;
    if (prefix === 'xmlns') this.fail('the prefix xmlns is reserved for namespace declarations', at);
    const namespace = lastOf(scope.get(prefix));
    if (namespace === undefined) this.fail(`the namespace prefix ${prefix} is not declared`, at);
    return namespace;
  }

  private readQualifiedName(what: string): { name: string; prefix: string | null; localName: string } {
    const { xml, position } = this;
    const end = scanAsciiQualifiedName(xml, position) ?? this.matchQualifiedName(what);
    const name = xml.slice(position, end);
    this.position = end;
    if (xml.charCodeAt(end) === COLON) this.fail(`${what} "${name}:…" is not a valid qualified name`, position);
    const colon = name.indexOf(':');
    return colon < 0 ? { name, prefix: null, localName: name } : { name, prefix: name.slice(0, colon), localName: name.slice(colon + 1) };
  }

  /** The full XML 1.0 name grammar, for names with characters beyond ASCII; returns where the name ends. */
  private matchQualifiedName(what: string): number {
    QNAME_AT.lastIndex = this.position;
    const match = QNAME_AT.exec(this.xml);
    if (!match) this.fail(`${what} is missing or starts with a character names cannot start with`, this.position);
    return this.position + match[0].length;
  }

  private skipWhitespace(): boolean {
    const { xml } = this;
    const start = this.position;
    let at = start;
    while (isWhitespaceCode(xml.charCodeAt(at))) at += 1;
    this.position = at;
    return at > start;
  }

  private decode(raw: string, offset: number): string {
    try {
      return decodeReferences(raw);
    } catch (error) {
      if (error instanceof XmlReferenceError) this.fail(error.message, offset + error.offset);
      throw error;
    }
  }

  private current(): OpenElement {
    return this.open[this.open.length - 1] as OpenElement;
  }

  private fail(problem: string, at: number): never {
    if (problem.length > MAX_PROBLEM_LENGTH) problem = `${problem.slice(0, MAX_PROBLEM_LENGTH)}…`;
    const before = this.xml.slice(0, at);
    const line = before.split('\n').length;
    const column = at - before.lastIndexOf('\n');
    throw new RolegateError('ERR_XML_MALFORMED', `XML document is not well-formed: ${problem} (line ${line}, column ${column})`, {
      details: { line, column },
    });
  }
}

function lastOf(stack: string[] | undefined): string | undefined {
  return stack === undefined ? undefined : stack[stack.length - 1];
}

function restoreScope(scope: Scope, undo: ScopeUndo | undefined): void {
  if (undo === undefined) return;
  for (const prefix of undo) scope.get(prefix)?.pop();
}

/** XML 1.0 §3.1 WFC: Unique Att Spec, and Namespaces in XML 1.0 §6.3 (no two equal expanded names): what is repeated, if anything. */
function findDuplicateAttribute(element: XmlElement): string | undefined {
  const { attributes } = element;
  if (attributes.length < 2) return undefined;
  // Pairwise for the usual handful; sets when an element carries many (no quadratic blow-up).
  const names = attributes.length > 8 ? new Set<string>() : undefined;
  const expanded = attributes.length > 8 ? new Set<string>() : undefined;
  for (let i = 0; i < attributes.length; i += 1) {
    const attribute = attributes[i] as XmlAttribute;
    let sameName = false;
    let sameExpanded = false;
    if (names && expanded) {
      const key = `${attribute.namespaceURI ?? ''} ${attribute.localName}`;
      sameName = names.has(attribute.name);
      sameExpanded = expanded.has(key);
      names.add(attribute.name);
      expanded.add(key);
    } else {
      for (let j = 0; j < i; j += 1) {
        const other = attributes[j] as XmlAttribute;
        sameName ||= other.name === attribute.name;
        sameExpanded ||= other.localName === attribute.localName && other.namespaceURI === attribute.namespaceURI;
      }
    }
    if (sameName) return `attribute ${attribute.name} appears twice in <${element.tagName}>`;
    if (sameExpanded) return `two attributes of <${element.tagName}> have the namespace and local name of ${attribute.name}`;
  }
  return undefined;
}

/** Whether a character could continue a name (so `</ab` does not close `<a>`). */
function isNameContinuation(code: number): boolean {
  return !(Number.isNaN(code) || code === GT || isWhitespaceCode(code));
}

/**
 * Where an all-ASCII QName starting at `start` ends, or undefined when the name is not plain
 * ASCII (or is malformed), for the regular expression to decide. Most names are ASCII; this
 * keeps the Unicode expression off the common path.
 */
function scanAsciiQualifiedName(text: string, start: number): number | undefined {
  let at = start;
  let partStart = true;
  let colons = 0;
  for (;;) {
    const code = text.charCodeAt(at);
    const kind = code < 0x80 ? (ASCII_NAME_CHARS[code] as number) : NOT_ASCII;
    if (kind === NOT_ASCII) return undefined;
    if (kind === NAME_START || (kind === NAME_CHAR && !partStart)) {
      partStart = false;
    } else if (code === COLON && !partStart && colons === 0) {
      colons += 1;
      partStart = true;
    } else {
      // A name ends at anything else; a trailing or leading colon, a digit first, or nothing at all is malformed.
      return partStart ? undefined : at;
    }
    at += 1;
  }
}

const NOT_NAME = 0;
const NAME_START = 1;
const NAME_CHAR = 2;
const NOT_ASCII = 3;
/** XML 1.0 §2.3 for ASCII: letters and "_" start a name; digits, "-" and "." may follow. */
const ASCII_NAME_CHARS = (() => {
  const table = new Uint8Array(128).fill(NOT_NAME);
  for (let code = 0; code < 128; code += 1) {
    const character = String.fromCharCode(code);
    if (/[A-Za-z_]/.test(character)) table[code] = NAME_START;
    else if (/[0-9.-]/.test(character)) table[code] = NAME_CHAR;
  }
  return table;
})();

function codePointHex(character: string): string {
  return (character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
}
