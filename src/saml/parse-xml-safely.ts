import { RolegateError } from '../errors/rolegate-error.ts';
import { parseStrictXml } from './xml/parse-strict-xml.ts';
import type { XmlDocument } from './xml/xml-dom.ts';

export interface SafeParseOptions {
  /** Largest document accepted, in UTF-16 code units of the decoded string. */
  maxLength: number;
}

// A DTD is how XXE, billion-laughs and entity-based signature tricks get in; SAML never
// needs one (saml-core §1.3, and SAML bindings §3.4.4 forbid DTDs in messages), so any
// declaration is refused before the parser sees the text.
const DTD_MARKER = /<!(DOCTYPE|ENTITY|ELEMENT|ATTLIST|NOTATION)/i;

/**
 * Parses XML text that rolegate received (SAML messages, metadata) into a DOM, refusing
 * oversized input, DTDs and entity declarations, and anything that is not namespace-well-formed
 * XML 1.0 (xml/parse-strict-xml.ts). Never returns a partial document.
 */
export function parseXmlSafely(xml: string, options: SafeParseOptions): XmlDocument {
  if (typeof xml !== 'string') throw new TypeError('parseXmlSafely expects a string');
  if (xml.length > options.maxLength) {
    throw new RolegateError(
      'ERR_XML_TOO_LARGE',
      `XML document is ${xml.length} characters, above the limit of ${options.maxLength}`,
    );
  }
  if (DTD_MARKER.test(xml)) {
    throw new RolegateError('ERR_XML_UNSAFE', 'XML document contains a DTD or entity declaration, which is refused');
  }
  return parseStrictXml(xml);
}
