import { X509Certificate } from 'node:crypto';
import { AsnConvert } from '@peculiar/asn1-schema';
import { Certificate } from '@peculiar/asn1-x509';
import type { XmlElement } from './xml/xml-dom.ts';
import { RolegateError } from '../errors/rolegate-error.ts';
import { SAML_METADATA_NS, XMLDSIG_NS } from './namespaces.ts';
import { parseXmlSafely } from './parse-xml-safely.ts';
import { attributeOf, childElements, textOf } from './verify/dom.ts';

export interface IdpMetadata {
  entityId: string;
  signingCertificatesPem: string[];
  ssoUrls: Array<{ binding: string; location: string }>;
  validUntil?: Date;
}

// IAM API reference, CreateSAMLProvider: SAMLMetadataDocument length 1000-10000000.
export const METADATA_MIN_LENGTH = 1000;
export const METADATA_MAX_LENGTH = 10_000_000;
const MIN_RSA_BITS = 1024;

const invalid = (message: string, cause?: unknown) =>
  new RolegateError('ERR_METADATA_INVALID', message, cause === undefined ? {} : { cause });

function decodeText(input: string | Uint8Array): string {
  if (typeof input === 'string') {
    if (input.charCodeAt(0) === 0xfeff) throw invalid('Metadata starts with a byte order mark; it must be UTF-8 without a BOM');
    return input;
  }
  if (input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf) {
    throw invalid('Metadata starts with a UTF-8 byte order mark; it must be UTF-8 without a BOM');
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(input);
  } catch (cause) {
    throw invalid('Metadata is not valid UTF-8', cause);
  }
}

function repeatedExtension(der: Buffer): string | undefined {
  const certificate = AsnConvert.parse(der, Certificate);
  const seen = new Set<string>();
  for (const extension of certificate.tbsCertificate.extensions ?? []) {
    if (seen.has(extension.extnID)) return extension.extnID;
    seen.add(extension.extnID);
  }
  return undefined;
}

function readCertificate(base64: string, index: number): string {
  const compact = base64.replace(/\s+/g, '');
  const where = `Signing certificate ${index + 1}`;
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) throw invalid(`${where} is not base64`);
  const der = Buffer.from(compact, 'base64');
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(der);
  } catch (cause) {
    throw invalid(`${where} is not an X.509 certificate`, cause);
  }
  const key = certificate.publicKey;
  if (key.asymmetricKeyType !== 'rsa') throw invalid(`${where} has a ${key.asymmetricKeyType ?? 'unknown'} key; AWS needs an RSA key`);
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  if (bits < MIN_RSA_BITS) throw invalid(`${where} has a ${bits}-bit RSA key; AWS needs at least ${MIN_RSA_BITS} bits`);
  let repeated: string | undefined;
  try {
    repeated = repeatedExtension(der);
  } catch (cause) {
    throw invalid(`${where} could not be parsed for its extensions`, cause);
  }
  if (repeated) throw invalid(`${where} repeats the extension ${repeated}; AWS refuses certificates with repeated extensions`);
  return certificate.toString();
}

function signingKeyDescriptors(descriptor: XmlElement): XmlElement[] {
  // saml-metadata §2.4.1.1: a KeyDescriptor without `use` serves signing and encryption.
  return childElements(descriptor, SAML_METADATA_NS, 'KeyDescriptor').filter((kd) => {
    const use = attributeOf(kd, 'use');
    return use === undefined || use === 'signing';
  });
}

/**
 * Parses IdP metadata as IAM CreateSAMLProvider accepts it (SPEC §3): UTF-8 without a BOM,
 * 1,000-10,000,000 characters, one EntityDescriptor with an IDPSSODescriptor and at least one
 * signing certificate, each RSA of at least 1024 bits with no repeated extensions.
 */
export function parseIdpMetadata(input: string | Uint8Array): IdpMetadata {
  const xml = decodeText(input);
  if (xml.length < METADATA_MIN_LENGTH || xml.length > METADATA_MAX_LENGTH) {
    throw invalid(`Metadata is ${xml.length} characters; it must be ${METADATA_MIN_LENGTH} to ${METADATA_MAX_LENGTH}`);
  }
  const root = parseXmlSafely(xml, { maxLength: METADATA_MAX_LENGTH }).documentElement as XmlElement;
  if (root.namespaceURI !== SAML_METADATA_NS || root.localName !== 'EntityDescriptor') {
    throw invalid(`The root element must be md:EntityDescriptor in ${SAML_METADATA_NS}, found ${root.localName}`);
  }
  const entityId = attributeOf(root, 'entityID')?.trim();
  if (!entityId) throw invalid('EntityDescriptor has no entityID');
  const descriptors = childElements(root, SAML_METADATA_NS, 'IDPSSODescriptor');
  if (descriptors.length !== 1) throw invalid(`EntityDescriptor must have exactly one IDPSSODescriptor, found ${descriptors.length}`);
  const descriptor = descriptors[0] as XmlElement;

  const certificates: string[] = [];
  for (const keyDescriptor of signingKeyDescriptors(descriptor)) {
    for (const keyInfo of childElements(keyDescriptor, XMLDSIG_NS, 'KeyInfo')) {
      for (const x509Data of childElements(keyInfo, XMLDSIG_NS, 'X509Data')) {
        for (const element of childElements(x509Data, XMLDSIG_NS, 'X509Certificate')) {
          certificates.push(readCertificate(textOf(element), certificates.length));
        }
      }
    }
  }
  if (certificates.length === 0) throw invalid('IDPSSODescriptor has no signing certificate (KeyDescriptor use="signing" with ds:X509Certificate)');

  const ssoUrls = childElements(descriptor, SAML_METADATA_NS, 'SingleSignOnService').map((service) => ({
    binding: attributeOf(service, 'Binding') ?? '',
    location: attributeOf(service, 'Location') ?? '',
  }));
  const validUntilText = attributeOf(root, 'validUntil');
  const validUntil = validUntilText === undefined ? undefined : new Date(validUntilText);
  if (validUntil && Number.isNaN(validUntil.getTime())) throw invalid(`EntityDescriptor validUntil "${validUntilText}" is not a date`);
  return { entityId, signingCertificatesPem: certificates, ssoUrls, ...(validUntil ? { validUntil } : {}) };
}
