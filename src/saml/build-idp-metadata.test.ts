import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import type { XmlElement as Element } from './xml/xml-dom.ts';
import { buildIdpMetadata, type IdpMetadataInput } from './build-idp-metadata.ts';
import { createSigningCertificate } from './create-signing-certificate.ts';
import { parseXmlSafely } from './parse-xml-safely.ts';
import { isRolegateError } from '../errors/rolegate-error.ts';

const MD = 'urn:oasis:names:tc:SAML:2.0:metadata';
const DS = 'http://www.w3.org/2000/09/xmldsig#';

let certA: string;
let certB: string;

before(async () => {
  const now = new Date('2025-01-01T00:00:00Z');
  certA = (await createSigningCertificate({ commonName: 'rolegate SSO Certificate', now })).certificatePem;
  certB = (await createSigningCertificate({ commonName: 'rolegate SSO Certificate (next)', now })).certificatePem;
});

function input(overrides: Partial<IdpMetadataInput> = {}): IdpMetadataInput {
  return {
    entityId: 'https://idp.example.test/saml/app1',
    signingCertificatesPem: [certA],
    ssoUrl: 'https://idp.example.test/saml/app1/sso',
    nameIdFormats: ['urn:oasis:names:tc:SAML:2.0:nameid-format:persistent', 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress'],
    ...overrides,
  };
}

function children(el: Element): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) out.push(n as Element);
  return out;
}

function parse(xml: string): Element {
  return parseXmlSafely(xml, { maxLength: 1_000_000 }).documentElement as Element;
}

describe('buildIdpMetadata', () => {
  test('starts with the UTF-8 declaration, no BOM, and is long enough for IAM (1,000+ characters)', () => {
    const xml = buildIdpMetadata(input());
    assert.ok(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<md:EntityDescriptor '));
    assert.notEqual(xml.charCodeAt(0), 0xfeff);
    assert.deepEqual([...Buffer.from(xml, 'utf8').subarray(0, 5)], [...Buffer.from('<?xml')]);
    assert.ok(xml.length >= 1000, `metadata is ${xml.length} characters`);
  });

  test('EntityDescriptor and IDPSSODescriptor carry the required attributes', () => {
    const root = parse(buildIdpMetadata(input({ validUntil: new Date('2026-02-03T04:05:06.700Z') })));
    assert.equal(root.namespaceURI, MD);
    assert.equal(root.localName, 'EntityDescriptor');
    assert.equal(root.getAttribute('entityID'), 'https://idp.example.test/saml/app1');
    assert.match(root.getAttribute('ID') ?? '', /^_[0-9a-f]{40}$/);
    assert.equal(root.getAttribute('validUntil'), '2026-02-03T04:05:06Z');
    const kids = children(root);
    assert.equal(kids.length, 1);
    const idp = kids[0]!;
    assert.equal(idp.namespaceURI, MD);
    assert.equal(idp.localName, 'IDPSSODescriptor');
    assert.equal(idp.getAttribute('protocolSupportEnumeration'), 'urn:oasis:names:tc:SAML:2.0:protocol');
    assert.equal(idp.getAttribute('WantAuthnRequestsSigned'), 'false');
  });

  test('WantAuthnRequestsSigned says true only when asked', () => {
    const want = (value?: boolean) =>
      children(parse(buildIdpMetadata(input(value === undefined ? {} : { wantAuthnRequestsSigned: value }))))[0]!.getAttribute('WantAuthnRequestsSigned');
    assert.deepEqual([want(), want(false), want(true)], ['false', 'false', 'true']);
  });

  test('no validUntil unless asked', () => {
    assert.equal(parse(buildIdpMetadata(input())).hasAttribute('validUntil'), false);
  });

  test('one signing KeyDescriptor per certificate, bare base64 DER, then NameIDFormats, then both bindings', () => {
    const idp = children(parse(buildIdpMetadata(input({ signingCertificatesPem: [certA, certB] }))))[0]!;
    assert.deepEqual(
      children(idp).map((c) => c.localName),
      ['KeyDescriptor', 'KeyDescriptor', 'NameIDFormat', 'NameIDFormat', 'SingleSignOnService', 'SingleSignOnService'],
    );
    const keyDescriptors = children(idp).filter((c) => c.localName === 'KeyDescriptor');
    keyDescriptors.forEach((kd, i) => {
      assert.equal(kd.getAttribute('use'), 'signing');
      const keyInfo = children(kd)[0]!;
      assert.equal(keyInfo.namespaceURI, DS);
      assert.equal(keyInfo.localName, 'KeyInfo');
      const x509Data = children(keyInfo)[0]!;
      assert.equal(x509Data.localName, 'X509Data');
      const certEl = children(x509Data)[0]!;
      assert.equal(certEl.namespaceURI, DS);
      assert.equal(certEl.localName, 'X509Certificate');
      const body = certEl.textContent ?? '';
      assert.match(body, /^[A-Za-z0-9+/]+=*$/, 'no armour, no line breaks');
      assert.equal(body, new X509Certificate([certA, certB][i]!).raw.toString('base64'));
    });
    assert.deepEqual(
      children(idp).filter((c) => c.localName === 'NameIDFormat').map((c) => c.textContent),
      ['urn:oasis:names:tc:SAML:2.0:nameid-format:persistent', 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress'],
    );
    const sso = children(idp).filter((c) => c.localName === 'SingleSignOnService');
    assert.deepEqual(
      sso.map((s) => [s.getAttribute('Binding'), s.getAttribute('Location')]),
      [
        ['urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect', 'https://idp.example.test/saml/app1/sso'],
        ['urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST', 'https://idp.example.test/saml/app1/sso'],
      ],
    );
  });

  test('repeated NameID formats are listed once', () => {
    const idp = children(parse(buildIdpMetadata(input({ nameIdFormats: ['urn:a', 'urn:a', 'urn:b'] }))))[0]!;
    assert.deepEqual(
      children(idp).filter((c) => c.localName === 'NameIDFormat').map((c) => c.textContent),
      ['urn:a', 'urn:b'],
    );
  });

  test('values are escaped, not templated', () => {
    const entityId = 'https://idp/x?a=1&b="2"<x/>';
    const root = parse(buildIdpMetadata(input({ entityId, ssoUrl: entityId })));
    assert.equal(root.getAttribute('entityID'), entityId);
    assert.equal(children(children(root)[0]!).filter((c) => c.localName === 'SingleSignOnService')[0]!.getAttribute('Location'), entityId);
  });

  test('no certificate, or a broken one, is refused with ERR_VALIDATION naming the field', () => {
    assert.throws(
      () => buildIdpMetadata(input({ signingCertificatesPem: [] })),
      (e: unknown) => isRolegateError(e, 'ERR_VALIDATION') && e.field === 'signingCertificatesPem',
    );
    assert.throws(
      () => buildIdpMetadata(input({ signingCertificatesPem: [certA, '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----'] })),
      (e: unknown) =>
        isRolegateError(e, 'ERR_VALIDATION') &&
        e.field === 'signingCertificatesPem[1]' &&
        e.message === 'signingCertificatesPem[1] is not a valid X.509 PEM certificate',
    );
    assert.throws(
      () => buildIdpMetadata(input({ signingCertificatesPem: [certA + certB] })),
      (e: unknown) => isRolegateError(e, 'ERR_VALIDATION') && e.message === 'signingCertificatesPem[0] must hold exactly one PEM certificate, found 2',
    );
  });

  test('an empty entityId is a programming mistake', () => {
    assert.throws(() => buildIdpMetadata(input({ entityId: '' })), TypeError);
  });
});
