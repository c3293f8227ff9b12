import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, createPrivateKey, type KeyObject } from 'node:crypto';
import { DOMParser, XMLSerializer, type Document, type Element } from '@xmldom/xmldom';
import { SignedXml } from 'xml-crypto';
import { buildSamlResponse } from './build-response.ts';
import { createSigningCertificate, type CreatedSigningCertificate } from './create-signing-certificate.ts';
import { SIGNATURE_ALGORITHMS, type SignatureAlgorithmName } from './namespaces.ts';
import { canonicalize, signEnvelopedElement } from './sign-enveloped-element.ts';
import { prepareTreeForSigning } from './sign-prepare-tree.ts';
import { signSamlResponse, type SigningScope } from './sign-xml.ts';

const P = 'urn:oasis:names:tc:SAML:2.0:protocol';
const A = 'urn:oasis:names:tc:SAML:2.0:assertion';
const DS = 'http://www.w3.org/2000/09/xmldsig#';
const EXC_C14N = 'http://www.w3.org/2001/10/xml-exc-c14n#';
const ENVELOPED = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';
const TRICKY = `tab\there "quoted" <tag> & 'apos' ]]> é😀\nline`;

let cert: CreatedSigningCertificate;
let key: KeyObject;
let certificateBase64: string;

before(async () => {
  cert = await createSigningCertificate({ commonName: 'rolegate SSO Certificate', now: new Date('2025-03-04T00:00:00Z') });
  key = createPrivateKey(cert.privateKeyPem);
  certificateBase64 = cert.certificatePem.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '');
});

/** Text and attribute values that escape differently in XML and in C14N, and an empty value. */
function buildDoc(): Document {
  return buildSamlResponse({
    issuer: 'https://idp.example.test/saml/app1?a=1&b="2"',
    destination: 'https://signin.aws.amazon.com/saml',
    audience: 'urn:amazon:webservices',
    inResponseTo: '_req1',
    nameId: { value: 'ada@example.test', format: 'persistent' },
    sessionIndex: '_s1',
    authnInstant: new Date('2025-03-04T05:00:00Z'),
    now: new Date('2025-03-04T05:06:07Z'),
    attributes: [
      { name: 'https://aws.amazon.com/SAML/Attributes/Role', values: ['arn:aws:iam::111122223333:role/A,arn:aws:iam::111122223333:saml-provider/p'] },
      { name: `attr\twith\n"odd" <chars> &`, nameFormat: 'urn:x\r\n', values: [TRICKY, '', ' '] },
    ],
    responseId: '_resp1',
    assertionId: '_assert1',
  });
}

/** xml-crypto's own stack reads what the signer wrote, independently of rolegate's parser. */
function parseWithXmldom(xml: string): Element {
  return new DOMParser().parseFromString(xml, 'text/xml').documentElement as Element;
}

function children(el: Element): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) out.push(n as Element);
  return out;
}

function child(el: Element, ns: string, local: string): Element {
  const found = children(el).find((c) => c.namespaceURI === ns && c.localName === local);
  assert.ok(found, `no ${local} under ${el.localName}`);
  return found;
}

/** What xml-crypto's computeSignature produces for the same document: the previous signer. */
function signWithXmlCrypto(doc: Document, scope: SigningScope, algorithm: SignatureAlgorithmName): string {
  const algs = SIGNATURE_ALGORITHMS[algorithm];
  const response = `/*[local-name()='Response' and namespace-uri()='${P}']`;
  const assertion = `${response}/*[local-name()='Assertion' and namespace-uri()='${A}']`;
  let xml = new XMLSerializer().serializeToString(doc);
  for (const target of scope === 'both' ? [assertion, response] : [scope === 'assertion' ? assertion : response]) {
    const signer = new SignedXml({
      idAttribute: 'ID',
      privateKey: key,
      signatureAlgorithm: algs.signature,
      canonicalizationAlgorithm: EXC_C14N,
      getKeyInfoContent: () => `<ds:X509Data><ds:X509Certificate>${certificateBase64}</ds:X509Certificate></ds:X509Data>`,
    });
    signer.addReference({ xpath: target, transforms: [ENVELOPED, EXC_C14N], digestAlgorithm: algs.digest });
    signer.computeSignature(xml, {
      prefix: 'ds',
      location: { reference: `${target}/*[local-name()='Issuer' and namespace-uri()='${A}']`, action: 'after' },
    });
    xml = signer.getSignedXml();
  }
  return xml;
}

/** xml-crypto's verifier, with only the test certificate trusted, on the sent text. */
function checkWithXmlCrypto(xml: string, signature: Element): boolean {
  const verifier = new SignedXml({ publicCert: cert.certificatePem, getCertFromKeyInfo: () => null });
  verifier.loadSignature(signature as unknown as Parameters<SignedXml['loadSignature']>[0]);
  try {
    return verifier.checkSignature(xml);
  } catch {
    return false;
  }
}

const SCOPES = ['assertion', 'response', 'both'] as const;
const ALGORITHMS = ['rsa-sha256', 'rsa-sha1'] as const;

describe('signSamlResponse on the live DOM', () => {
  for (const scope of SCOPES) {
    for (const algorithm of ALGORITHMS) {
      test(`${scope} / ${algorithm}: byte for byte what xml-crypto's computeSignature produces`, () => {
        const ours = signSamlResponse(buildDoc(), { privateKey: key, certificatePem: cert.certificatePem }, { scope, algorithm });
        assert.equal(ours, signWithXmlCrypto(buildDoc(), scope, algorithm));
      });

      test(`${scope} / ${algorithm}: digests recomputed from the parsed output match, and xml-crypto verifies`, () => {
        const xml = signSamlResponse(buildDoc(), { privateKey: key, certificatePem: cert.certificatePem }, { scope, algorithm });
        const response = parseWithXmldom(xml);
        const assertion = child(response, A, 'Assertion');
        const signed = scope === 'both' ? [assertion, response] : [scope === 'assertion' ? assertion : response];
        const hash = algorithm === 'rsa-sha256' ? 'sha256' : 'sha1';
        for (const el of signed) {
          const signature = child(el, DS, 'Signature');
          assert.equal(checkWithXmlCrypto(xml, signature), true);
          const digestValue = child(child(child(signature, DS, 'SignedInfo'), DS, 'Reference'), DS, 'DigestValue').textContent;
          // The enveloped-signature transform by hand: remove this signature, keep any other.
          el.removeChild(signature);
          assert.equal(createHash(hash).update(canonicalize(el), 'utf8').digest('base64'), digestValue);
          el.insertBefore(signature, children(el)[1] ?? null);
        }
        if (scope === 'both') {
          // The Response digest covers the Assertion's signature.
          assert.match(canonicalize(response), /<saml:Assertion [^>]*><saml:Issuer>[^<]*<\/saml:Issuer><ds:Signature xmlns:ds=/);
        }
      });
    }
  }

  for (const scope of SCOPES) {
    test(`${scope}: xml-crypto refuses every signature once a signed value changes`, () => {
      const xml = signSamlResponse(buildDoc(), { privateKey: key, certificatePem: cert.certificatePem }, { scope, algorithm: 'rsa-sha256' });
      const tampered = xml.replace('role/A,', 'role/B,');
      assert.notEqual(tampered, xml);
      const response = parseWithXmldom(tampered);
      const assertion = child(response, A, 'Assertion');
      for (const el of scope === 'both' ? [assertion, response] : [scope === 'assertion' ? assertion : response]) {
        assert.equal(checkWithXmlCrypto(tampered, child(el, DS, 'Signature')), false);
      }
    });
  }

  test('the document is left without signatures, so signing it again gives the same text', () => {
    const doc = buildDoc();
    const signingKey = { privateKey: key, certificatePem: cert.certificatePem };
    const first = signSamlResponse(doc, signingKey, { scope: 'both', algorithm: 'rsa-sha256' });
    assert.equal(new XMLSerializer().serializeToString(doc).includes('Signature'), false);
    assert.equal(signSamlResponse(doc, signingKey, { scope: 'both', algorithm: 'rsa-sha256' }), first);
    assert.equal(first.split('<ds:Signature ').length - 1, 2);
  });
});

describe('signEnvelopedElement', () => {
  test('what it digests is the C14N of the serialized, re-parsed element', () => {
    const doc = buildDoc();
    const response = doc.documentElement as Element;
    const assertion = child(response, A, 'Assertion');
    prepareTreeForSigning(response);
    const digested = canonicalize(assertion);
    const signature = signEnvelopedElement(assertion, child(assertion, A, 'Issuer'), {
      privateKey: key,
      certificateBase64,
      algorithm: SIGNATURE_ALGORITHMS['rsa-sha256'],
    });
    assert.equal(children(assertion)[1], signature);
    const digestValue = child(child(child(signature, DS, 'SignedInfo'), DS, 'Reference'), DS, 'DigestValue').textContent;
    assert.equal(digestValue, createHash('sha256').update(digested, 'utf8').digest('base64'));
    // C14N text escaping (xml-c14n §2.3), not the serializer's.
    assert.ok(digested.includes(`>tab\there "quoted" &lt;tag&gt; &amp; 'apos' ]]&gt; é😀\nline<`));
    assert.ok(digested.includes(`Name="attr&#x9;with&#xA;&quot;odd&quot; &lt;chars> &amp;" NameFormat="urn:x&#xD;&#xA;"`));

    const reparsed = parseWithXmldom(new XMLSerializer().serializeToString(doc));
    const reparsedAssertion = child(reparsed, A, 'Assertion');
    reparsedAssertion.removeChild(child(reparsedAssertion, DS, 'Signature'));
    assert.equal(canonicalize(reparsedAssertion), digested);
  });

  test('an element without an ID, or a placement outside the element, is a programming mistake', () => {
    const doc = buildDoc();
    const response = doc.documentElement as Element;
    const assertion = child(response, A, 'Assertion');
    const signer = { privateKey: key, certificateBase64, algorithm: SIGNATURE_ALGORITHMS['rsa-sha256'] };
    assert.throws(() => signEnvelopedElement(assertion, child(response, A, 'Issuer'), signer), TypeError);
    assertion.removeAttribute('ID');
    assert.throws(() => signEnvelopedElement(assertion, child(assertion, A, 'Issuer'), signer), TypeError);
    assert.throws(
      () => signEnvelopedElement(response, child(response, A, 'Issuer'), { ...signer, algorithm: { signature: 'x', digest: 'y' } }),
      TypeError,
    );
    assert.equal(new XMLSerializer().serializeToString(doc).includes('Signature'), false);
  });
});
