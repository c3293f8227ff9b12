import { X509Certificate } from 'node:crypto';
import { DOMImplementation, XMLSerializer, type Document, type Element } from '@xmldom/xmldom';
import { RolegateError } from '../errors/rolegate-error.ts';
import { formatSamlInstant } from './build-response.ts';
import { generateSamlId } from './generate-saml-id.ts';
import {
  BINDING_HTTP_POST,
  BINDING_HTTP_REDIRECT,
  SAML_METADATA_NS,
  SAML_PROTOCOL_NS,
  XMLDSIG_NS,
  XMLNS_NS,
} from './namespaces.ts';

export interface IdpMetadataInput {
  entityId: string;
  /** Signing certificates, current first; more than one during a rollover. */
  signingCertificatesPem: readonly string[];
  ssoUrl: string;
  /** NameID format URIs, e.g. NAMEID_FORMATS.persistent. */
  nameIdFormats: readonly string[];
  validUntil?: Date;
  /** Published as WantAuthnRequestsSigned (saml-metadata §2.4.3); default false. */
  wantAuthnRequestsSigned?: boolean;
}

// AWS IAM CreateSAMLProvider wants UTF-8 without a BOM; the declaration says so explicitly.
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

/**
 * Builds IdP federation metadata (saml-metadata §2.3.2, §2.4.3) with one signing KeyDescriptor
 * per certificate and both the HTTP-Redirect and HTTP-POST SSO endpoints.
 */
export function buildIdpMetadata(input: IdpMetadataInput): string {
  const entityId = requireValue(input.entityId, 'entityId');
  const ssoUrl = requireValue(input.ssoUrl, 'ssoUrl');
  if (input.signingCertificatesPem.length === 0) {
    throw new RolegateError('ERR_VALIDATION', 'metadata needs at least one signing certificate', {
      field: 'signingCertificatesPem',
    });
  }
  const certificates = input.signingCertificatesPem.map((pem, i) => derBase64(pem, `signingCertificatesPem[${i}]`));

  const doc = new DOMImplementation().createDocument(SAML_METADATA_NS, 'md:EntityDescriptor', null);
  const el = (parent: Element, ns: string, qname: string, text?: string): Element => {
    const child = doc.createElementNS(ns, qname);
    if (text !== undefined) child.appendChild(doc.createTextNode(text));
    parent.appendChild(child);
    return child;
  };

  const entity = doc.documentElement as Element;
  entity.setAttributeNS(XMLNS_NS, 'xmlns:md', SAML_METADATA_NS);
  entity.setAttributeNS(XMLNS_NS, 'xmlns:ds', XMLDSIG_NS);
  entity.setAttribute('entityID', entityId);
  entity.setAttribute('ID', generateSamlId());
  if (input.validUntil !== undefined) entity.setAttribute('validUntil', formatSamlInstant(input.validUntil));

  const idp = el(entity, SAML_METADATA_NS, 'md:IDPSSODescriptor');
  idp.setAttribute('protocolSupportEnumeration', SAML_PROTOCOL_NS);
  idp.setAttribute('WantAuthnRequestsSigned', input.wantAuthnRequestsSigned === true ? 'true' : 'false');

  // Schema order (saml-metadata §2.4.1, §2.4.2, §2.4.3): KeyDescriptor, NameIDFormat, SingleSignOnService.
  for (const certificate of certificates) {
    const keyDescriptor = el(idp, SAML_METADATA_NS, 'md:KeyDescriptor');
    keyDescriptor.setAttribute('use', 'signing');
    const x509Data = el(el(keyDescriptor, XMLDSIG_NS, 'ds:KeyInfo'), XMLDSIG_NS, 'ds:X509Data');
    el(x509Data, XMLDSIG_NS, 'ds:X509Certificate', certificate);
  }
  for (const [i, format] of [...new Set(input.nameIdFormats)].entries()) {
    el(idp, SAML_METADATA_NS, 'md:NameIDFormat', requireValue(format, `nameIdFormats[${i}]`));
  }
  for (const binding of [BINDING_HTTP_REDIRECT, BINDING_HTTP_POST]) {
    const sso = el(idp, SAML_METADATA_NS, 'md:SingleSignOnService');
    sso.setAttribute('Binding', binding);
    sso.setAttribute('Location', ssoUrl);
  }
  return XML_DECLARATION + serialize(doc);
}

function serialize(doc: Document): string {
  return new XMLSerializer().serializeToString(doc);
}

/** The DER of one PEM certificate as unwrapped base64: the X509Certificate content, no armour. */
function derBase64(pem: string, field: string): string {
  if (typeof pem !== 'string') throw new TypeError(`${field} must be a PEM string`);
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----/g)?.length ?? 0;
  if (blocks !== 1) {
    throw new RolegateError('ERR_VALIDATION', `${field} must hold exactly one PEM certificate, found ${blocks}`, { field });
  }
  try {
    return new X509Certificate(pem).raw.toString('base64');
  } catch (cause) {
    throw new RolegateError('ERR_VALIDATION', `${field} is not a valid X.509 PEM certificate`, { cause, field });
  }
}

// Same rule as the response builder: URIs from configuration, but never a character XML cannot carry.
const NON_XML_CHAR = /[^\t\n\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

function requireValue(value: string, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new TypeError(`${field} must be a non-empty string`);
  if (NON_XML_CHAR.test(value)) {
    throw new RolegateError('ERR_VALIDATION', `${field} contains a character that XML cannot carry`, { field });
  }
  return value;
}
