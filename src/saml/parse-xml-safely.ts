import { DOMParser, type Document } from '@xmldom/xmldom';
import { RolegateError } from '../errors/rolegate-error.ts';

export interface SafeParseOptions {
  /** Largest document accepted, in UTF-16 code units of the decoded string. */
  maxLength: number;
}

// A DTD is how XXE, billion-laughs and entity-based signature tricks get in; SAML never
// needs one (saml-core §1.3, and SAML bindings §3.4.4 forbid DTDs in messages), so any
// declaration is refused before the parser sees the text.
const DTD_MARKER = /<!(DOCTYPE|ENTITY|ELEMENT|ATTLIST|NOTATION)/i;

/**
 * Parses XML text into a DOM, refusing DTDs, entity declarations, oversized input and
 * anything the parser reports as a warning or error. Never returns a partial document.
 */
export function parseXmlSafely(xml: string, options: SafeParseOptions): Document {
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
  let problem: string | undefined;
  const parser = new DOMParser({
    // No line/column bookkeeping on every node: messages keep only their first line anyway,
    // and it is about a third of the parse time (bench/assume-role-with-saml.bench.ts).
    locator: false,
    onError: (level: string, message: string) => {
      problem ??= `${level}: ${message}`;
    },
  });
  let doc: Document;
  try {
    doc = parser.parseFromString(xml, 'text/xml');
  } catch (cause) {
    throw new RolegateError('ERR_XML_MALFORMED', `XML document is not well-formed: ${firstLine(cause)}`, { cause });
  }
  if (problem !== undefined) {
    throw new RolegateError('ERR_XML_MALFORMED', `XML document is not well-formed: ${problem.split('\n')[0]}`);
  }
  if (!doc.documentElement) {
    throw new RolegateError('ERR_XML_MALFORMED', 'XML document has no root element');
  }
  return doc;
}

function firstLine(cause: unknown): string {
  return (cause instanceof Error ? cause.message : String(cause)).split('\n')[0] ?? '';
}
