import { isXmlChar } from './xml-grammar.ts';

// XML 1.0 §4.6: the only entities a document without a DTD may reference.
const PREDEFINED_ENTITIES: ReadonlyMap<string, string> = new Map([
  ['lt', '<'],
  ['gt', '>'],
  ['amp', '&'],
  ['apos', "'"],
  ['quot', '"'],
]);

// Leading zeros are allowed in any number (XML 1.0 §4.1 [66]); what is left must fit a code point.
const DECIMAL = /^0*([0-9]{1,8})$/;
const HEXADECIMAL = /^0*([0-9a-fA-F]{1,8})$/;

/** Why a reference is refused, with the offset (in the decoded text) of its `&`. */
export class XmlReferenceError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/**
 * Replaces character references (XML 1.0 §4.1) and the predefined entity references in `raw`.
 * Any other `&` is refused: without a DTD no other entity is declared (WFC: Entity Declared).
 */
export function decodeReferences(raw: string): string {
  let ampersand = raw.indexOf('&');
  if (ampersand < 0) return raw;
  let decoded = '';
  let copiedUpTo = 0;
  while (ampersand >= 0) {
    const semicolon = raw.indexOf(';', ampersand + 1);
    const name = semicolon < 0 ? '' : raw.slice(ampersand + 1, semicolon);
    decoded += raw.slice(copiedUpTo, ampersand) + resolveReference(name, ampersand);
    copiedUpTo = semicolon + 1;
    ampersand = raw.indexOf('&', copiedUpTo);
  }
  return decoded + raw.slice(copiedUpTo);
}

function resolveReference(name: string, offset: number): string {
  if (name.startsWith('#')) {
    const hex = name.startsWith('#x');
    const digits = (hex ? HEXADECIMAL : DECIMAL).exec(name.slice(hex ? 2 : 1))?.[1];
    if (digits === undefined) {
      const reason = /^#x?[0-9a-fA-F]+$/.test(name) ? 'is beyond every character' : 'is not a number';
      throw new XmlReferenceError(`character reference "&${shorten(name)};" ${reason}`, offset);
    }
    const codePoint = Number.parseInt(digits, hex ? 16 : 10);
    if (!isXmlChar(codePoint)) {
      throw new XmlReferenceError(`character reference "&${shorten(name)};" names a character XML does not allow`, offset);
    }
    return String.fromCodePoint(codePoint);
  }
  const replacement = PREDEFINED_ENTITIES.get(name);
  if (replacement !== undefined) return replacement;
  if (name === '' || /[\s&<]/.test(name)) throw new XmlReferenceError(`"&" does not start a character or entity reference`, offset);
  throw new XmlReferenceError(`entity "&${shorten(name)};" is not declared (only lt, gt, amp, apos and quot exist without a DTD)`, offset);
}

function shorten(text: string): string {
  return text.length > 24 ? `${text.slice(0, 24)}…` : text;
}
