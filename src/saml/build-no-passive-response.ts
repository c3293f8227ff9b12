import { DOMImplementation, XMLSerializer, type Element } from '@xmldom/xmldom';
import { formatSamlInstant } from './build-response.ts';
import { generateSamlId } from './generate-saml-id.ts';
import {
  SAML_ASSERTION_NS,
  SAML_PROTOCOL_NS,
  SAML_VERSION,
  STATUS_NO_PASSIVE,
  STATUS_RESPONDER,
  XMLNS_NS,
} from './namespaces.ts';

export interface NoPassiveInput {
  issuer: string;
  /** The ACS URL, already checked against the app's reply URLs. */
  destination: string;
  inResponseTo: string;
  now: Date;
}

/**
 * The answer to an AuthnRequest with IsPassive="true" that cannot be met without showing a
 * page (no session, or one too old for ForceAuthn): a Response whose top-level status is
 * Responder with the second-level NoPassive (saml-core §3.2.2.2, §3.4.1), and no assertion.
 * Built with a DOM like every other message. It is not signed: it carries no assertion, so
 * saml-profiles §4.1.3.5 asks for none, and it tells the SP nothing but "not signed in".
 */
export function buildNoPassiveResponse(input: NoPassiveInput): string {
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
  top.setAttribute('Value', STATUS_RESPONDER);
  child(top, SAML_PROTOCOL_NS, 'samlp:StatusCode').setAttribute('Value', STATUS_NO_PASSIVE);
  child(status, SAML_PROTOCOL_NS, 'samlp:StatusMessage', 'The user would have to sign in, and the request asked for passive sign-in.');
  return new XMLSerializer().serializeToString(doc);
}
