import { DOMImplementation, XMLSerializer, type Element } from '@xmldom/xmldom';
import { formatSamlInstant } from './build-response.ts';
import { generateSamlId } from './generate-saml-id.ts';
import {
  SAML_ASSERTION_NS,
  SAML_PROTOCOL_NS,
  SAML_VERSION,
  STATUS_INVALID_NAMEID_POLICY,
  STATUS_NO_PASSIVE,
  STATUS_REQUESTER,
  STATUS_RESPONDER,
  XMLNS_NS,
} from './namespaces.ts';

/** The refusals the IdP answers an SP with, rather than with a page (saml-core §3.2.2.2). */
export const REFUSAL_STATUSES = {
  // §3.4.1: IsPassive, and the user would have to sign in.
  noPassive: { code: STATUS_RESPONDER, secondCode: STATUS_NO_PASSIVE, message: 'The user would have to sign in, and the request asked for passive sign-in.' },
  // §3.4.1.1: the NameIDPolicy asks for a Format this app does not send.
  invalidNameIdPolicy: { code: STATUS_REQUESTER, secondCode: STATUS_INVALID_NAMEID_POLICY, message: 'The requested NameID Format is not the one this application is configured to send.' },
} as const;

export interface StatusResponseInput {
  issuer: string;
  /** The ACS URL, already checked against the app's reply URLs. */
  destination: string;
  inResponseTo: string;
  now: Date;
  status: (typeof REFUSAL_STATUSES)[keyof typeof REFUSAL_STATUSES];
}

/**
 * A Response that only carries a non-Success status and no assertion. Built with a DOM like
 * every other message. It is not signed: it carries no assertion, so saml-profiles §4.1.3.5 asks
 * for none, and it tells the SP nothing it did not ask.
 */
export function buildStatusResponse(input: StatusResponseInput): string {
  const doc = new DOMImplementation().createDocument(SAML_PROTOCOL_NS, 'samlp:Response', null);
  const response = doc.documentElement!;
  response.setAttributeNS(XMLNS_NS, 'xmlns:samlp', SAML_PROTOCOL_NS);
  response.setAttributeNS(XMLNS_NS, 'xmlns:saml', SAML_ASSERTION_NS);
  response.setAttribute('ID', generateSamlId());
  response.setAttribute('Version', SAML_VERSION);
  response.setAttribute('IssueInstant', formatSamlInstant(input.now));
  response.setAttribute('Destination', input.destination);
  response.setAttribute('InResponseTo', input.inResponseTo);
  const child = (parent: Element, ns: string, qname: string, text?: string): Element => {
    const el = doc.createElementNS(ns, qname);
    if (text !== undefined) el.appendChild(doc.createTextNode(text));
    parent.appendChild(el);
    return el;
  };
  child(response, SAML_ASSERTION_NS, 'saml:Issuer', input.issuer);
  const status = child(response, SAML_PROTOCOL_NS, 'samlp:Status');
  const top = child(status, SAML_PROTOCOL_NS, 'samlp:StatusCode');
  top.setAttribute('Value', input.status.code);
  child(top, SAML_PROTOCOL_NS, 'samlp:StatusCode').setAttribute('Value', input.status.secondCode);
  child(status, SAML_PROTOCOL_NS, 'samlp:StatusMessage', input.status.message);
  return new XMLSerializer().serializeToString(doc);
}
