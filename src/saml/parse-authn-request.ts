import { inflateRawSync } from 'node:zlib';
import { ELEMENT_NODE, type XmlElement } from './xml/xml-dom.ts';
import { RolegateError } from '../errors/rolegate-error.ts';
import { parseXmlSafely } from './parse-xml-safely.ts';
import { SAML_ASSERTION_NS, SAML_PROTOCOL_NS, SAML_VERSION } from './namespaces.ts';

export interface ParsedAuthnRequest {
  id: string;
  issuer: string;
  issueInstant: Date;
  destination?: string;
  assertionConsumerServiceUrl?: string;
  protocolBinding?: string;
  forceAuthn: boolean;
  isPassive: boolean;
  nameIdPolicyFormat?: string;
}

/** Largest AuthnRequest accepted, in bytes after decoding (and after inflating). */
export const MAX_AUTHN_REQUEST_BYTES = 64 * 1024;
// The base64 of MAX_AUTHN_REQUEST_BYTES; refused before any decoding work is done.
const MAX_ENCODED_LENGTH = 4 * Math.ceil(MAX_AUTHN_REQUEST_BYTES / 3);
// ...plus a CRLF every 64 characters, the densest wrapping in use.
const MAX_WRAPPED_LENGTH = MAX_ENCODED_LENGTH + 2 * Math.ceil(MAX_ENCODED_LENGTH / 64);

const MAX_FUTURE_MS = 5 * 60 * 1000;
const MAX_AGE_MS = 10 * 60 * 1000;

/**
 * HTTP-Redirect binding (saml-bindings §3.4.4.1): base64, then raw DEFLATE. Inflating stops at
 * MAX_AUTHN_REQUEST_BYTES, so a small deflate bomb cannot allocate more than that.
 */
export function decodeRedirectAuthnRequest(samlRequestParam: string): string {
  const compressed = decodeBase64(samlRequestParam);
  let inflated: Buffer;
  try {
    inflated = inflateRawSync(compressed, { maxOutputLength: MAX_AUTHN_REQUEST_BYTES });
  } catch (cause) {
    if (isBufferTooLarge(cause)) {
      throw new RolegateError(
        'ERR_XML_TOO_LARGE',
        `SAMLRequest inflates to more than ${MAX_AUTHN_REQUEST_BYTES} bytes`,
        { cause, field: 'SAMLRequest' },
      );
    }
    throw new RolegateError('ERR_SAML_REQUEST_INVALID', 'SAMLRequest is not raw DEFLATE data', {
      cause,
      field: 'SAMLRequest',
    });
  }
  return decodeUtf8(inflated);
}

/** HTTP-POST binding (saml-bindings §3.5.4): base64 of the UTF-8 bytes, no compression. */
export function decodePostAuthnRequest(samlRequestParam: string): string {
  const bytes = decodeBase64(samlRequestParam);
  if (bytes.length > MAX_AUTHN_REQUEST_BYTES) {
    throw new RolegateError('ERR_XML_TOO_LARGE', `SAMLRequest is more than ${MAX_AUTHN_REQUEST_BYTES} bytes`, {
      field: 'SAMLRequest',
    });
  }
  return decodeUtf8(bytes);
}

/**
 * Reads the fields rolegate acts on from an AuthnRequest (saml-core §3.4.1), refusing anything
 * that is not one well-formed, current SAML 2.0 AuthnRequest.
 *
 * This parser does not look at signatures: a ds:Signature element, if present, is ignored here.
 * Signatures are checked before parsing, by check-authn-request-signature.ts, for apps that
 * require (or can verify) signed requests. Either way the request only names where the
 * response should go, and the caller checks that against the app's registered reply URLs.
 */
export function parseAuthnRequest(xml: string, now: Date): ParsedAuthnRequest {
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) throw new TypeError('now must be a valid Date');
  const root = parseXmlSafely(xml, { maxLength: MAX_AUTHN_REQUEST_BYTES }).documentElement as XmlElement;
  if (root.namespaceURI !== SAML_PROTOCOL_NS || root.localName !== 'AuthnRequest') {
    throw invalid(
      'root',
      `the root element must be samlp:AuthnRequest in ${SAML_PROTOCOL_NS}, found ${describeElement(root)}`,
    );
  }

  const version = root.getAttribute('Version');
  if (version !== SAML_VERSION) throw invalid('Version', `AuthnRequest Version must be 2.0, found ${quote(version)}`);

  const id = root.getAttribute('ID') ?? '';
  if (id === '') throw invalid('ID', 'AuthnRequest has no ID');
  // xs:ID (saml-core §1.3.4). It comes back as InResponseTo, so it must be a plain NCName.
  if (id.length > 256 || !NCNAME.test(id)) throw invalid('ID', 'AuthnRequest ID is not a valid xs:ID');

  const issueInstant = readIssueInstant(root, now);
  const issuer = readIssuer(root);

  const parsed: ParsedAuthnRequest = {
    id,
    issuer,
    issueInstant,
    forceAuthn: readBoolean(root, 'ForceAuthn'),
    isPassive: readBoolean(root, 'IsPassive'),
  };
  const destination = readOptionalAttribute(root, 'Destination');
  if (destination !== undefined) parsed.destination = destination;
  const acsUrl = readOptionalAttribute(root, 'AssertionConsumerServiceURL');
  if (acsUrl !== undefined) parsed.assertionConsumerServiceUrl = acsUrl;
  const binding = readOptionalAttribute(root, 'ProtocolBinding');
  if (binding !== undefined) parsed.protocolBinding = binding;

  const policies = childElements(root, SAML_PROTOCOL_NS, 'NameIDPolicy');
  if (policies.length > 1) throw invalid('NameIDPolicy', 'AuthnRequest has more than one NameIDPolicy');
  const policy = policies[0];
  if (policy !== undefined) {
    const format = readOptionalAttribute(policy, 'Format');
    if (format !== undefined) parsed.nameIdPolicyFormat = format;
  }
  return parsed;
}

// saml-core §1.3.3: UTC, no zone offset. Fractions beyond milliseconds are allowed and dropped.
const SAML_INSTANT = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(\.\d+)?Z$/;

function readIssueInstant(root: XmlElement, now: Date): Date {
  const raw = root.getAttribute('IssueInstant');
  if (raw === null || raw === '') throw invalid('IssueInstant', 'AuthnRequest has no IssueInstant');
  const match = SAML_INSTANT.exec(raw);
  const millis = match?.[2] === undefined ? '' : match[2].slice(0, 4).padEnd(4, '0');
  const instant = match ? new Date(`${match[1]}${millis}Z`) : undefined;
  // Date also rolls 2025-02-30 over into March; comparing the date part back catches that.
  if (!instant || Number.isNaN(instant.getTime()) || instant.toISOString().slice(0, 19) !== match?.[1]) {
    throw invalid('IssueInstant', `AuthnRequest IssueInstant is not a UTC xs:dateTime: ${quote(raw)}`);
  }
  if (instant.getTime() - now.getTime() > MAX_FUTURE_MS) {
    throw invalid('IssueInstant', 'AuthnRequest IssueInstant is more than 5 minutes in the future');
  }
  if (now.getTime() - instant.getTime() > MAX_AGE_MS) {
    throw invalid('IssueInstant', 'AuthnRequest IssueInstant is more than 10 minutes old');
  }
  return instant;
}

const ENTITY_FORMAT = 'urn:oasis:names:tc:SAML:2.0:nameid-format:entity';

function readIssuer(root: XmlElement): string {
  const issuers = childElements(root, SAML_ASSERTION_NS, 'Issuer');
  if (issuers.length === 0) throw invalid('Issuer', 'AuthnRequest has no saml:Issuer');
  if (issuers.length > 1) throw invalid('Issuer', 'AuthnRequest has more than one saml:Issuer');
  const issuer = issuers[0]!;
  // saml-core §3.4.1 / saml-profiles §4.1.4.1: the Issuer is the SP's entity ID.
  const format = issuer.getAttribute('Format');
  if (format !== null && format !== '' && format !== ENTITY_FORMAT) {
    throw invalid('Issuer', 'AuthnRequest Issuer Format must be the entity format');
  }
  if (childElements(issuer).length > 0) throw invalid('Issuer', 'AuthnRequest Issuer must contain only text');
  const value = (issuer.textContent ?? '').trim();
  if (value === '') throw invalid('Issuer', 'AuthnRequest saml:Issuer is empty');
  return value;
}

function readBoolean(el: XmlElement, name: string): boolean {
  const raw = el.getAttribute(name);
  if (raw === null) return false;
  // xs:boolean lexical space
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw invalid(name, `AuthnRequest ${name} must be true or false, found ${quote(raw)}`);
}

function readOptionalAttribute(el: XmlElement, name: string): string | undefined {
  if (!el.hasAttribute(name)) return undefined;
  const value = el.getAttribute(name) ?? '';
  if (value.trim() === '') throw invalid(name, `AuthnRequest ${name} is empty`);
  return value;
}

function childElements(el: XmlElement, ns?: string, localName?: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType !== ELEMENT_NODE) continue;
    const child = n as XmlElement;
    if (ns !== undefined && (child.namespaceURI !== ns || child.localName !== localName)) continue;
    out.push(child);
  }
  return out;
}

const NCNAME = /^[\p{L}_][\p{L}\p{N}._\-\u00B7\u0300-\u036F\u203F\u2040]*$/u;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function decodeBase64(param: string): Buffer {
  if (typeof param !== 'string') throw new TypeError('SAMLRequest must be a string');
  // Checked before any work on the text, and again without the line breaks a wrapping SP adds.
  if (param.length > MAX_WRAPPED_LENGTH) throw tooLong();
  // Some SPs wrap base64 at 64 or 76 columns; only line breaks are tolerated, nothing else.
  const compact = param.replace(/\r?\n/g, '');
  if (compact.length === 0) throw invalid('SAMLRequest', 'SAMLRequest is empty');
  if (compact.length > MAX_ENCODED_LENGTH) throw tooLong();
  if (compact.length % 4 !== 0 || !BASE64.test(compact)) throw invalid('SAMLRequest', 'SAMLRequest is not valid base64');
  return Buffer.from(compact, 'base64');
}

function tooLong(): RolegateError {
  return new RolegateError('ERR_XML_TOO_LARGE', `SAMLRequest is more than ${MAX_ENCODED_LENGTH} base64 characters`, {
    field: 'SAMLRequest',
  });
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return UTF8.decode(bytes);
  } catch (cause) {
    throw new RolegateError('ERR_SAML_REQUEST_INVALID', 'SAMLRequest is not UTF-8 text', { cause, field: 'SAMLRequest' });
  }
}

function isBufferTooLarge(error: unknown): boolean {
  return error instanceof RangeError && (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE';
}

function invalid(field: string, message: string): RolegateError {
  return new RolegateError('ERR_SAML_REQUEST_INVALID', message, { field });
}

function describeElement(el: XmlElement): string {
  return `${quote(el.localName)} in ${quote(el.namespaceURI)}`;
}

/** Echoes a short, quoted piece of the request in a message; never the whole thing. */
function quote(value: string | null): string {
  if (value === null) return 'nothing';
  return JSON.stringify(value.length > 64 ? `${value.slice(0, 64)}…` : value);
}
