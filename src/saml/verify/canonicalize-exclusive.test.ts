import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createPrivateKey } from 'node:crypto';
import { DOMParser, type Element as XmldomElement } from '@xmldom/xmldom';
import { describeXmlTree } from '../../../test/support/describe-xml-tree.ts';
import type { XmlElement as Element } from '../xml/xml-dom.ts';
import { SignedXml } from 'xml-crypto';
import { buildTestResponse } from '../../../test/support/build-test-response.ts';
import { createTestCertificate, type TestSigningKey } from '../../../test/support/create-test-certificate.ts';
import { signTestResponse } from '../../../test/support/sign-test-response.ts';
import { buildSamlResponse } from '../build-response.ts';
import { ALG_ENVELOPED_SIGNATURE, ALG_EXC_C14N, SAML_ASSERTION_NS, SAML_PROTOCOL_NS, XMLDSIG_NS } from '../namespaces.ts';
import { isRolegateError } from '../../errors/rolegate-error.ts';
import { parseXmlSafely } from '../parse-xml-safely.ts';
import { signSamlResponse } from '../sign-xml.ts';
import { canonicalizeExclusive } from './canonicalize-exclusive.ts';
import { checkSignedInfo } from './check-signed-info.ts';
import { childElements } from './dom.ts';
import { loadTrustedKeys, verifySignatureValue } from './verify-signature-value.ts';

const now = new Date('2025-01-15T12:00:00Z');
const SCOPES = ['assertion', 'response', 'both'] as const;
let key: TestSigningKey;

before(async () => {
  key = await createTestCertificate({ commonName: 'c14n' });
});

/** What xml-crypto's own SignedXml.checkSignature digested for the Signature inside `signed`. */
function xmlCryptoCanonical(xml: string, signed: 'Response' | 'Assertion'): string {
  const response = new DOMParser().parseFromString(xml, 'text/xml').documentElement as XmldomElement;
  const signedElement = signed === 'Response' ? response : response.getElementsByTagNameNS(SAML_ASSERTION_NS, 'Assertion')[0];
  const signature = signedElement?.getElementsByTagNameNS(XMLDSIG_NS, 'Signature')[0] as XmldomElement;
  const verifier = new SignedXml({ publicCert: key.certificatePem, getCertFromKeyInfo: () => null });
  verifier.loadSignature(signature as unknown as globalThis.Node);
  assert.equal(verifier.checkSignature(xml), true);
  const references = verifier.getSignedReferences();
  assert.equal(references.length, 1);
  return references[0] as string;
}

function signedElementOf(response: Element, signed: 'Response' | 'Assertion'): Element {
  return signed === 'Response' ? response : (childElements(response, SAML_ASSERTION_NS, 'Assertion')[0] as Element);
}

/**
 * Our canonical bytes, from canonicalizeExclusive directly and, without a PrefixList (xml-crypto 6
 * writes one under enveloped-signature too, which check-signed-info refuses), through
 * verifySignatureValue as well.
 */
function ourCanonical(xml: string, signed: 'Response' | 'Assertion', inclusivePrefixes?: string[]): string {
  const doc = parseXmlSafely(xml, { maxLength: 200_000 });
  const element = signedElementOf(doc.documentElement as Element, signed);
  const signature = childElements(element, XMLDSIG_NS, 'Signature')[0] as Element;
  const before = describeXmlTree(doc);
  const direct = canonicalizeExclusive(element, inclusivePrefixes ?? [], signature, 1_000_000);
  if (inclusivePrefixes === undefined) {
    const facts = checkSignedInfo(signature, element, signed, true);
    const verified = verifySignatureValue(signature, element, facts, loadTrustedKeys([key.certificatePem]), signed, true, 1_000_000);
    assert.equal(verified, direct);
  }
  // Detaching the Signature (or declaring PrefixList namespaces) must not leak into the DOM.
  assert.equal(describeXmlTree(doc), before);
  assert.equal(signature.parentNode, element);
  return direct;
}

function signatureValueOf(xml: string, signed: 'Response' | 'Assertion'): string {
  const doc = parseXmlSafely(xml, { maxLength: 200_000 });
  const signature = childElements(signedElementOf(doc.documentElement as Element, signed), XMLDSIG_NS, 'Signature')[0] as Element;
  return childElements(signature, XMLDSIG_NS, 'SignatureValue')[0]?.textContent ?? 'missing';
}

function signedParts(scope: (typeof SCOPES)[number]): Array<'Response' | 'Assertion'> {
  return scope === 'both' ? ['Response', 'Assertion'] : [scope === 'response' ? 'Response' : 'Assertion'];
}

describe('canonicalizeExclusive is byte-identical to xml-crypto SignedXml', () => {
  for (const scope of SCOPES) {
    test(`the IdP's responses (src/saml/sign-xml.ts), ${scope} signed`, () => {
      const xml = signSamlResponse(
        buildSamlResponse({
          issuer: 'https://idp.example.test/saml',
          destination: 'https://signin.aws.amazon.com/saml',
          audience: 'urn:amazon:webservices',
          nameId: { value: 'alice@example.test', format: 'persistent' },
          sessionIndex: '_s',
          authnInstant: now,
          now,
          attributes: [
            { name: 'https://aws.amazon.com/SAML/Attributes/Role', values: ['arn:aws:iam::111122223333:role/A,arn:aws:iam::111122223333:saml-provider/p'] },
            { name: 'https://aws.amazon.com/SAML/Attributes/RoleSessionName', values: ['a & <b> "c"\n\t'] },
          ],
        }),
        { privateKey: createPrivateKey(key.privateKeyPem), certificatePem: key.certificatePem },
        { scope, algorithm: 'rsa-sha256' },
      );
      for (const part of signedParts(scope)) {
        const canonical = ourCanonical(xml, part);
        assert.equal(canonical, xmlCryptoCanonical(xml, part), `${part} of ${scope}`);
        assert.equal(canonical.includes(signatureValueOf(xml, part)), false, `the ${part}'s own Signature is excluded`);
        if (scope === 'both' && part === 'Response') assert.equal(canonical.includes(signatureValueOf(xml, 'Assertion')), true);
      }
    });

    test(`the test signer's responses (test/support/sign-test-response.ts), ${scope} signed`, () => {
      const xml = signTestResponse(buildTestResponse({ now }), { key, sign: scope });
      for (const part of signedParts(scope)) assert.equal(ourCanonical(xml, part), xmlCryptoCanonical(xml, part), `${part} of ${scope}`);
    });
  }

  test('an Assertion inside a Response renders the namespaces it uses but declares on no element of its own', () => {
    const xml = signTestResponse(buildTestResponse({ now }), { key, sign: 'assertion' });
    const canonical = ourCanonical(xml, 'Assertion');
    assert.match(canonical, /^<saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_assert0001"/);
    assert.doesNotMatch(canonical, /<ds:Signature/);
    assert.equal(canonical, xmlCryptoCanonical(xml, 'Assertion'));
  });

  test('an InclusiveNamespaces PrefixList declares the listed ancestor namespaces on the apex element', () => {
    const unsigned = buildTestResponse({ now }).replace('<samlp:Response ', '<samlp:Response xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:other="urn:unused" ');
    const signer = new SignedXml({ privateKey: key.privateKeyPem, signatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256', canonicalizationAlgorithm: ALG_EXC_C14N });
    const target = `//*[local-name(.)='Assertion' and namespace-uri(.)='${SAML_ASSERTION_NS}']`;
    signer.addReference({ xpath: target, transforms: [ALG_ENVELOPED_SIGNATURE, ALG_EXC_C14N], digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256', inclusiveNamespacesPrefixList: ['xs', 'other', 'saml'] });
    signer.computeSignature(unsigned, { prefix: 'ds', location: { reference: `${target}/*[local-name(.)='Issuer']`, action: 'after' } });
    const xml = signer.getSignedXml();
    const canonical = ourCanonical(xml, 'Assertion', ['xs', 'other', 'saml']);
    assert.equal(canonical, xmlCryptoCanonical(xml, 'Assertion'));
    assert.match(canonical, /^<saml:Assertion xmlns:other="urn:unused" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" xmlns:xs="http:\/\/www.w3.org\/2001\/XMLSchema" ID=/);
  });

  test('a Response that is not the document root is still canonicalized without its parent', () => {
    const xml = signTestResponse(buildTestResponse({ now }), { key, sign: 'response' });
    const doc = parseXmlSafely(`<w:Wrap xmlns:w="urn:w" xmlns:samlp="${SAML_PROTOCOL_NS}">${xml.replace(/^<\?xml[^>]*>/, '')}</w:Wrap>`, { maxLength: 200_000 });
    const response = childElements(doc.documentElement as Element, SAML_PROTOCOL_NS, 'Response')[0] as Element;
    const signature = childElements(response, XMLDSIG_NS, 'Signature')[0] as Element;
    assert.equal(canonicalizeExclusive(response, [], signature, 1_000_000), xmlCryptoCanonical(xml, 'Response'));
  });

  test('refuses to exclude a node that is not a child', () => {
    const doc = parseXmlSafely('<a xmlns="urn:a"><b><c/></b></a>', { maxLength: 1000 });
    const root = doc.documentElement as Element;
    const grandchild = (root.firstChild as Element).firstChild as Element;
    assert.throws(() => canonicalizeExclusive(root, [], grandchild, 1000), TypeError);
  });

  test('refuses output longer than maxLength as it is built: a namespace repeated on every sibling amplifies', () => {
    const uri = `urn:${'x'.repeat(3000)}`;
    const doc = parseXmlSafely(`<p:a xmlns:p="urn:p"><p:b xmlns="${uri}">${'<c/>'.repeat(2000)}</p:b></p:a>`, { maxLength: 20_000 });
    const root = doc.documentElement as Element;
    // Every <c/> renders xmlns="urn:xxx…" again: some 6 MB from 11 KB.
    assert.equal(canonicalizeExclusive(root, [], undefined, 10_000_000).length > 6_000_000, true);
    assert.throws(() => canonicalizeExclusive(root, [], undefined, 20_000), (error: unknown) => isRolegateError(error, 'ERR_XML_TOO_LARGE') && /longer than 20000 characters/.test(error.message));
  });
});
