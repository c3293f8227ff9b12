import 'reflect-metadata';
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { DOMImplementation, XMLSerializer, type Element } from '@xmldom/xmldom';
import * as x509 from '@peculiar/x509';
import { isRolegateError } from '../errors/rolegate-error.ts';
import { createTestCertificate, type TestSigningKey } from '../../test/support/create-test-certificate.ts';
import { parseIdpMetadata } from './parse-idp-metadata.ts';

const MD = 'urn:oasis:names:tc:SAML:2.0:metadata';
const DS = 'http://www.w3.org/2000/09/xmldsig#';

function metadata(certificatesPem: Array<{ pem: string; use?: string }>, entityId = 'https://idp.example.test/saml'): string {
  const doc = new DOMImplementation().createDocument(MD, 'md:EntityDescriptor', null);
  const root = doc.documentElement as Element;
  root.setAttribute('entityID', entityId);
  const idp = doc.createElementNS(MD, 'md:IDPSSODescriptor');
  idp.setAttribute('protocolSupportEnumeration', 'urn:oasis:names:tc:SAML:2.0:protocol');
  root.appendChild(idp);
  for (const { pem, use } of certificatesPem) {
    const kd = doc.createElementNS(MD, 'md:KeyDescriptor');
    if (use) kd.setAttribute('use', use);
    const ki = doc.createElementNS(DS, 'ds:KeyInfo');
    const data = doc.createElementNS(DS, 'ds:X509Data');
    const cert = doc.createElementNS(DS, 'ds:X509Certificate');
    cert.appendChild(doc.createTextNode(pem.replace(/-----[^-]+-----|\s/g, '')));
    data.appendChild(cert);
    ki.appendChild(data);
    kd.appendChild(ki);
    idp.appendChild(kd);
  }
  const sso = doc.createElementNS(MD, 'md:SingleSignOnService');
  sso.setAttribute('Binding', 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect');
  sso.setAttribute('Location', 'https://idp.example.test/saml/app1/sso');
  idp.appendChild(sso);
  const xml = new XMLSerializer().serializeToString(doc);
  // Pad above the 1,000-character minimum the way real metadata is: with whitespace.
  return xml.length >= 1000 ? xml : xml + ' '.repeat(1000 - xml.length);
}

let good: TestSigningKey;
let second: TestSigningKey;
let weak: TestSigningKey;
let repeated: TestSigningKey;

before(async () => {
  [good, second, weak, repeated] = await Promise.all([
    createTestCertificate(),
    createTestCertificate({ modulusLength: 1024 }),
    createTestCertificate({ modulusLength: 768 }),
    createTestCertificate({ extensions: [new x509.BasicConstraintsExtension(false), new x509.BasicConstraintsExtension(false)] }),
  ]);
});

const refuses = (input: string | Uint8Array, pattern: RegExp) =>
  assert.throws(() => parseIdpMetadata(input), (e) => isRolegateError(e, 'ERR_METADATA_INVALID') && pattern.test(e.message));

test('reads entityID, signing certificates (use=signing or none) and SSO URLs', () => {
  const parsed = parseIdpMetadata(metadata([{ pem: good.certificatePem, use: 'signing' }, { pem: second.certificatePem }, { pem: weak.certificatePem, use: 'encryption' }]));
  assert.equal(parsed.entityId, 'https://idp.example.test/saml');
  assert.deepEqual(parsed.signingCertificatesPem.map((p) => p.replace(/\s/g, '')), [good.certificatePem, second.certificatePem].map((p) => p.replace(/\s/g, '')));
  assert.deepEqual(parsed.ssoUrls, [{ binding: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect', location: 'https://idp.example.test/saml/app1/sso' }]);
});

test('accepts a Buffer without BOM, refuses a BOM', () => {
  const xml = metadata([{ pem: good.certificatePem }]);
  assert.equal(parseIdpMetadata(Buffer.from(xml, 'utf8')).entityId, 'https://idp.example.test/saml');
  refuses(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(xml, 'utf8')]), /byte order mark/);
  refuses(`\uFEFF${xml}`, /byte order mark/);
  refuses(Buffer.from([0x3c, 0xff, 0xfe]), /not valid UTF-8/);
});

test('refuses weak keys, repeated extensions, no signing certificate, sizes', () => {
  refuses(metadata([{ pem: weak.certificatePem }]), /768-bit RSA key; AWS needs at least 1024 bits/);
  refuses(metadata([{ pem: repeated.certificatePem }]), /repeats the extension 2\.5\.29\.19/);
  refuses(metadata([{ pem: good.certificatePem, use: 'encryption' }]), /no signing certificate/);
  refuses('<md:EntityDescriptor/>', /must be 1000 to 10000000/);
  refuses(metadata([{ pem: good.certificatePem }], ''), /no entityID/);
});
