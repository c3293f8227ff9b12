/**
 * The character classes of XML 1.0 (Fifth Edition) and Namespaces in XML 1.0, as fixed
 * regular expressions compiled once.
 */

// XML 1.0 §2.3 [4]: NameStartChar, without ':' (Namespaces in XML §3, NCName).
const NC_NAME_START =
  'A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C-\\u200D' +
  '\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}';
// XML 1.0 §2.3 [4a]: NameChar, without ':'.
const NC_NAME_CHAR = `${NC_NAME_START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040`;
const NC_NAME = `[${NC_NAME_START}][${NC_NAME_CHAR}]*`;

/** A QName at the sticky position: group 1 is the prefix or the local name, group 2 the local name after a colon. */
export const QNAME_AT = new RegExp(`(${NC_NAME})(?::(${NC_NAME}))?`, 'uy');

/** An NCName at the sticky position: processing-instruction targets have no colon (Namespaces in XML 1.0 §7). */
export const NC_NAME_AT = new RegExp(NC_NAME, 'uy');

/** Whether the text holds a character outside XML 1.0 §2.2 [2] Char (controls, U+FFFE/U+FFFF, lone surrogates). */
export const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

/** XML 1.0 §2.3 [3] S, at the sticky position. */
export const WHITESPACE_AT = /[ \t\n]+/y;

/** Whether a code point is an XML 1.0 Char, for character references (§4.1 WFC: Legal Character). */
export function isXmlChar(codePoint: number): boolean {
  return (
    codePoint === 0x9 ||
    codePoint === 0xa ||
    codePoint === 0xd ||
    (codePoint >= 0x20 && codePoint <= 0xd7ff) ||
    (codePoint >= 0xe000 && codePoint <= 0xfffd) ||
    (codePoint >= 0x10000 && codePoint <= 0x10ffff)
  );
}

export function isWhitespaceCode(code: number): boolean {
  return code === 0x20 || code === 0x9 || code === 0xa;
}
