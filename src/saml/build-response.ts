import { DOMImplementation, type Document, type Element } from '@xmldom/xmldom';
import { RolegateError } from '../errors/rolegate-error.ts';
import { generateSamlId } from './generate-saml-id.ts';
import {
  ATTRNAME_FORMAT_URI,
  AUTHN_CONTEXT_PASSWORD_PROTECTED_TRANSPORT,
  NAMEID_FORMATS,
  SAML_ASSERTION_NS,
  SAML_PROTOCOL_NS,
  SAML_VERSION,
  STATUS_SUCCESS,
  SUBJECT_CONFIRMATION_BEARER,
  XMLNS_NS,
  XS_NS,
  XSI_NS,
  type NameIdFormatName,
} from './namespaces.ts';

export interface SamlAttribute {
  name: string;
  values: readonly string[];
  /** Defaults to urn:oasis:names:tc:SAML:2.0:attrname-format:uri. */
  nameFormat?: string;
}

export interface ResponseInput {
  issuer: string;
  /** The ACS URL; also the SubjectConfirmationData Recipient (which AWS compares with SAML:aud). */
  destination: string;
  audience: string;
  inResponseTo?: string | undefined;
  nameId: { value: string; format: NameIdFormatName };
  sessionIndex: string;
  authnInstant: Date;
  now: Date;
  /** Lifetime of the assertion and of the bearer confirmation, in seconds (default 300). */
  lifetimeSeconds?: number;
  /** Conditions NotBefore is `now` minus this many seconds, for SP clocks running behind (default 0). */
  clockSkewSeconds?: number;
  sessionNotOnOrAfter?: Date | undefined;
  attributes: readonly SamlAttribute[];
  /** Defaults to a fresh random NCName. */
  responseId?: string;
  /** Defaults to a fresh random NCName. */
  assertionId?: string;
}

const DEFAULT_LIFETIME_SECONDS = 300;

/**
 * Builds an unsigned SAML 2.0 Response carrying one bearer assertion, as a DOM. Every value
 * goes into a text node or attribute, so the serializer escapes it; nothing is templated.
 * Element order follows the saml-core schema; the signer inserts ds:Signature after Issuer.
 */
export function buildSamlResponse(input: ResponseInput): Document {
  const now = requireDate(input.now, 'now');
  const lifetime = input.lifetimeSeconds ?? DEFAULT_LIFETIME_SECONDS;
  if (!Number.isInteger(lifetime) || lifetime <= 0) {
    throw new TypeError('lifetimeSeconds must be a positive integer');
  }
  const skew = input.clockSkewSeconds ?? 0;
  if (!Number.isInteger(skew) || skew < 0) throw new TypeError('clockSkewSeconds must be a non-negative integer');
  const nameIdFormat = NAMEID_FORMATS[input.nameId.format];
  if (nameIdFormat === undefined) throw new TypeError(`unknown NameID format: ${String(input.nameId.format)}`);

  const responseId = checkId(input.responseId ?? generateSamlId(), 'responseId');
  const assertionId = checkId(input.assertionId ?? generateSamlId(), 'assertionId');
  const issueInstant = formatSamlInstant(now);
  const notOnOrAfter = formatSamlInstant(new Date(now.getTime() + lifetime * 1000));
  const notBefore = formatSamlInstant(new Date(now.getTime() - skew * 1000));

  const doc = new DOMImplementation().createDocument(SAML_PROTOCOL_NS, 'samlp:Response', null);
  const b = new Builder(doc);

  // saml-core §3.2.2 (StatusResponseType) and §3.3.3
  const response = doc.documentElement as Element;
  response.setAttributeNS(XMLNS_NS, 'xmlns:samlp', SAML_PROTOCOL_NS);
  response.setAttributeNS(XMLNS_NS, 'xmlns:saml', SAML_ASSERTION_NS);
  b.attr(response, 'ID', responseId);
  b.attr(response, 'Version', SAML_VERSION);
  b.attr(response, 'IssueInstant', issueInstant);
  b.attr(response, 'Destination', requireText(input.destination, 'destination'));
  if (input.inResponseTo !== undefined) b.attr(response, 'InResponseTo', requireText(input.inResponseTo, 'inResponseTo'));

  const issuer = requireText(input.issuer, 'issuer');
  b.saml(response, 'Issuer', issuer);
  const status = b.el(response, SAML_PROTOCOL_NS, 'samlp:Status');
  b.attr(b.el(status, SAML_PROTOCOL_NS, 'samlp:StatusCode'), 'Value', STATUS_SUCCESS);

  // saml-core §2.3.3
  const assertion = b.saml(response, 'Assertion');
  assertion.setAttributeNS(XMLNS_NS, 'xmlns:saml', SAML_ASSERTION_NS);
  b.attr(assertion, 'ID', assertionId);
  b.attr(assertion, 'Version', SAML_VERSION);
  b.attr(assertion, 'IssueInstant', issueInstant);
  b.saml(assertion, 'Issuer', issuer);

  // saml-core §2.4; saml-profiles §4.1.4.2: exactly one bearer confirmation with Recipient
  const subject = b.saml(assertion, 'Subject');
  b.attr(b.saml(subject, 'NameID', requireText(input.nameId.value, 'nameId.value')), 'Format', nameIdFormat);
  const confirmation = b.saml(subject, 'SubjectConfirmation');
  b.attr(confirmation, 'Method', SUBJECT_CONFIRMATION_BEARER);
  const confirmationData = b.saml(confirmation, 'SubjectConfirmationData');
  b.attr(confirmationData, 'NotOnOrAfter', notOnOrAfter);
  b.attr(confirmationData, 'Recipient', input.destination);
  if (input.inResponseTo !== undefined) b.attr(confirmationData, 'InResponseTo', input.inResponseTo);

  // saml-core §2.5
  const conditions = b.saml(assertion, 'Conditions');
  b.attr(conditions, 'NotBefore', notBefore);
  b.attr(conditions, 'NotOnOrAfter', notOnOrAfter);
  b.saml(b.saml(conditions, 'AudienceRestriction'), 'Audience', requireText(input.audience, 'audience'));

  // saml-core §2.7.2
  const authn = b.saml(assertion, 'AuthnStatement');
  b.attr(authn, 'AuthnInstant', formatSamlInstant(requireDate(input.authnInstant, 'authnInstant')));
  b.attr(authn, 'SessionIndex', requireText(input.sessionIndex, 'sessionIndex'));
  if (input.sessionNotOnOrAfter !== undefined) {
    b.attr(authn, 'SessionNotOnOrAfter', formatSamlInstant(requireDate(input.sessionNotOnOrAfter, 'sessionNotOnOrAfter')));
  }
  b.saml(b.saml(authn, 'AuthnContext'), 'AuthnContextClassRef', AUTHN_CONTEXT_PASSWORD_PROTECTED_TRANSPORT);

  // saml-core §2.7.3; an empty AttributeStatement would be schema-invalid (minOccurs=1)
  if (input.attributes.length > 0) {
    const statement = b.saml(assertion, 'AttributeStatement');
    input.attributes.forEach((attribute, i) => {
      const el = b.saml(statement, 'Attribute');
      b.attr(el, 'Name', requireText(attribute.name, `attributes[${i}].name`));
      b.attr(el, 'NameFormat', attribute.nameFormat ?? ATTRNAME_FORMAT_URI);
      attribute.values.forEach((value, j) => {
        const valueEl = b.saml(el, 'AttributeValue', checkText(value, `attributes[${i}].values[${j}]`));
        // Declared on the value itself so the xsi:type QName resolves wherever the assertion is
        // moved to. (Exclusive C14N still drops xmlns:xs from the signed bytes, because a prefix
        // used only inside an attribute value is not "visibly utilized", xml-exc-c14n §3.)
        valueEl.setAttributeNS(XMLNS_NS, 'xmlns:xs', XS_NS);
        valueEl.setAttributeNS(XMLNS_NS, 'xmlns:xsi', XSI_NS);
        valueEl.setAttributeNS(XSI_NS, 'xsi:type', 'xs:string');
      });
    });
  }
  return doc;
}

/** `YYYY-MM-DDTHH:MM:SSZ`: saml-core §1.3.3 requires UTC with no zone offset; whole seconds. */
export function formatSamlInstant(date: Date): string {
  return requireDate(date, 'date').toISOString().replace(/\.\d{3}Z$/, 'Z');
}

class Builder {
  constructor(private readonly doc: Document) {}

  el(parent: Element, ns: string, qname: string, text?: string): Element {
    const el = this.doc.createElementNS(ns, qname);
    if (text !== undefined) el.appendChild(this.doc.createTextNode(checkText(text, qname)));
    parent.appendChild(el);
    return el;
  }

  saml(parent: Element, localName: string, text?: string): Element {
    return this.el(parent, SAML_ASSERTION_NS, `saml:${localName}`, text);
  }

  attr(el: Element, name: string, value: string): void {
    el.setAttribute(name, checkChars(value, name));
  }
}

// XML 1.0 §2.2 Char: the serializer escapes markup, but it cannot make a control character or a
// lone surrogate legal, so such a value is refused rather than producing a broken document.
const NON_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

function checkChars(value: string, field: string): string {
  if (typeof value !== 'string') throw new TypeError(`${field} must be a string`);
  if (NON_XML_CHAR.test(value)) {
    throw new RolegateError('ERR_VALIDATION', `${field} contains a character that XML cannot carry`, { field });
  }
  return value;
}

// XML 1.0 §2.11: a parser turns a literal CR in text into LF, and the serializer writes CR in text
// literally, so a CR would not survive the trip to the SP; attributes escape it and are fine.
function checkText(value: string, field: string): string {
  checkChars(value, field);
  if (value.includes('\r')) {
    throw new RolegateError('ERR_VALIDATION', `${field} contains a carriage return, which XML text cannot carry unchanged`, {
      field,
    });
  }
  return value;
}

function requireText(value: string, field: string): string {
  if (typeof value !== 'string' || value.length === 0) throw new TypeError(`${field} must be a non-empty string`);
  return checkText(value, field);
}

// xs:ID is an NCName (saml-core §1.3.4); a caller-supplied one that is not would break reference by ID.
const NCNAME = /^[A-Za-z_][A-Za-z0-9._-]*$/;

function checkId(id: string, field: string): string {
  if (!NCNAME.test(id)) throw new TypeError(`${field} must be an NCName`);
  return id;
}

function requireDate(value: Date, field: string): Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) throw new TypeError(`${field} must be a valid Date`);
  return value;
}
