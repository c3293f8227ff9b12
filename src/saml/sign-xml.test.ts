import { before, after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import type { XmlElement as Element } from './xml/xml-dom.ts';
import { buildSamlResponse } from './build-response.ts';
import { createSigningCertificate, type CreatedSigningCertificate } from './create-signing-certificate.ts';
import { parseXmlSafely } from './parse-xml-safely.ts';
import { signSamlResponse, type SigningScope } from './sign-xml.ts';
import { isRolegateError } from '../errors/rolegate-error.ts';

const P = 'urn:oasis:names:tc:SAML:2.0:protocol';
const A = 'urn:oasis:names:tc:SAML:2.0:assertion';
const DS = 'http://www.w3.org/2000/09/xmldsig#';

const RESPONSE_SIG_XPATH = `/*[local-name()='Response' and namespace-uri()='${P}']/*[local-name()='Signature' and namespace-uri()='${DS}']`;
const ASSERTION_SIG_XPATH = `/*[local-name()='Response' and namespace-uri()='${P}']/*[local-name()='Assertion' and namespace-uri()='${A}']/*[local-name()='Signature' and namespace-uri()='${DS}']`;

const ROLE_VALUE = 'arn:aws:iam::111122223333:role/Admin,arn:aws:iam::111122223333:saml-provider/rolegate';

let dir: string;
let cert: CreatedSigningCertificate;
let key: KeyObject;
let otherCert: CreatedSigningCertificate;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rolegate-sign-'));
  const now = new Date();
  cert = await createSigningCertificate({ commonName: 'rolegate SSO Certificate', now });
  otherCert = await createSigningCertificate({ commonName: 'someone else', now });
  key = createPrivateKey(cert.privateKeyPem);
  writeFileSync(join(dir, 'cert.pem'), cert.certificatePem);
  writeFileSync(join(dir, 'other.pem'), otherCert.certificatePem);
});

after(() => rmSync(dir, { recursive: true, force: true }));

function buildDoc() {
  return buildSamlResponse({
    issuer: 'https://idp.example.test/saml/app1',
    destination: 'https://signin.aws.amazon.com/saml',
    audience: 'urn:amazon:webservices',
    inResponseTo: '_req1',
    nameId: { value: 'ada@example.test', format: 'persistent' },
    sessionIndex: '_s1',
    authnInstant: new Date('2025-03-04T05:00:00Z'),
    now: new Date('2025-03-04T05:06:07Z'),
    attributes: [
      { name: 'https://aws.amazon.com/SAML/Attributes/Role', values: [ROLE_VALUE, 'r2,p2'] },
      { name: 'https://aws.amazon.com/SAML/Attributes/RoleSessionName', values: ['ada@example.test'] },
      { name: 'note', values: [`tab\there "quoted" <tag> & 'apos' é😀\nline`] },
    ],
    responseId: '_resp1',
    assertionId: '_assert1',
  });
}

let fileCounter = 0;
/** Debian's xmlsec1, an independent XML-DSig implementation, checks the signature at `nodeXpath`. */
function xmlsecVerify(xml: string, nodeXpath: string, certFile = 'cert.pem'): { ok: boolean; output: string } {
  const file = join(dir, `signed-${fileCounter++}.xml`);
  writeFileSync(file, xml);
  const r = spawnSync(
    'xmlsec1',
    [
      '--verify',
      // Only the RSA key from --pubkey-cert-pem; the KeyInfo certificate is not trusted for anything.
      '--enabled-key-data', 'rsa',
      '--pubkey-cert-pem', join(dir, certFile),
      '--id-attr:ID', `${A}:Assertion`,
      '--id-attr:ID', `${P}:Response`,
      '--node-xpath', nodeXpath,
      file,
    ],
    { encoding: 'utf8' },
  );
  if (r.error) throw r.error;
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
}

function children(el: Element): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) out.push(n as Element);
  return out;
}

function child(el: Element, ns: string, local: string): Element | undefined {
  return children(el).find((c) => c.namespaceURI === ns && c.localName === local);
}

function pemBody(pem: string): string {
  return pem.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '');
}

/** Checks one ds:Signature: placement right after Issuer, algorithms, reference to its parent's ID, KeyInfo. */
function checkSignatureElement(parent: Element, algorithm: 'rsa-sha256' | 'rsa-sha1'): void {
  const kids = children(parent);
  assert.equal(kids[0]?.localName, 'Issuer');
  const sig = kids[1]!;
  assert.equal(sig.namespaceURI, DS);
  assert.equal(sig.localName, 'Signature');
  assert.equal(sig.prefix, 'ds');
  const signedInfo = child(sig, DS, 'SignedInfo')!;
  assert.equal(child(signedInfo, DS, 'CanonicalizationMethod')?.getAttribute('Algorithm'), 'http://www.w3.org/2001/10/xml-exc-c14n#');
  assert.equal(
    child(signedInfo, DS, 'SignatureMethod')?.getAttribute('Algorithm'),
    algorithm === 'rsa-sha256' ? 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256' : 'http://www.w3.org/2000/09/xmldsig#rsa-sha1',
  );
  const refs = children(signedInfo).filter((c) => c.localName === 'Reference');
  assert.equal(refs.length, 1);
  const ref = refs[0]!;
  assert.equal(ref.getAttribute('URI'), `#${parent.getAttribute('ID')}`);
  const transforms = children(child(ref, DS, 'Transforms')!);
  assert.deepEqual(
    transforms.map((t) => t.getAttribute('Algorithm')),
    ['http://www.w3.org/2000/09/xmldsig#enveloped-signature', 'http://www.w3.org/2001/10/xml-exc-c14n#'],
  );
  assert.deepEqual(transforms.map((t) => children(t).length), [0, 0]);
  assert.equal(
    child(ref, DS, 'DigestMethod')?.getAttribute('Algorithm'),
    algorithm === 'rsa-sha256' ? 'http://www.w3.org/2001/04/xmlenc#sha256' : 'http://www.w3.org/2000/09/xmldsig#sha1',
  );
  const x509 = child(child(child(sig, DS, 'KeyInfo')!, DS, 'X509Data')!, DS, 'X509Certificate')!;
  assert.equal(x509.textContent, pemBody(cert.certificatePem));
}

const CASES: Array<{ scope: SigningScope; xpaths: string[] }> = [
  { scope: 'assertion', xpaths: [ASSERTION_SIG_XPATH] },
  { scope: 'response', xpaths: [RESPONSE_SIG_XPATH] },
  { scope: 'both', xpaths: [ASSERTION_SIG_XPATH, RESPONSE_SIG_XPATH] },
];

describe('signSamlResponse, checked by xmlsec1', () => {
  for (const { scope, xpaths } of CASES) {
    for (const algorithm of ['rsa-sha256', 'rsa-sha1'] as const) {
      test(`${scope} / ${algorithm}: every signature verifies and sits after its Issuer`, () => {
        const xml = signSamlResponse(buildDoc(), { privateKey: key, certificatePem: cert.certificatePem }, { scope, algorithm });
        const response = parseXmlSafely(xml, { maxLength: 1_000_000 }).documentElement as Element;
        const assertion = child(response, A, 'Assertion')!;
        const responseSigned = scope !== 'assertion';
        const assertionSigned = scope !== 'response';
        assert.equal(child(response, DS, 'Signature') !== undefined, responseSigned);
        assert.equal(child(assertion, DS, 'Signature') !== undefined, assertionSigned);
        assert.equal(xml.split('<ds:Signature ').length - 1, xpaths.length);
        if (responseSigned) checkSignatureElement(response, algorithm);
        if (assertionSigned) checkSignatureElement(assertion, algorithm);

        for (const xpath of xpaths) {
          const good = xmlsecVerify(xml, xpath);
          assert.equal(good.ok, true, good.output);
          assert.match(good.output, /^OK$/m);
          // xmlsec1 is really checking: another certificate's key must not verify it.
          const wrongKey = xmlsecVerify(xml, xpath, 'other.pem');
          assert.equal(wrongKey.ok, false, wrongKey.output);
        }
      });
    }
  }

  for (const { scope, xpaths } of CASES) {
    test(`${scope}: a tampered attribute value makes xmlsec1 refuse every signature`, () => {
      const xml = signSamlResponse(buildDoc(), { privateKey: key, certificatePem: cert.certificatePem }, { scope, algorithm: 'rsa-sha256' });
      const tampered = xml.replace(ROLE_VALUE, ROLE_VALUE.replace('role/Admin', 'role/Admjn'));
      assert.notEqual(tampered, xml);
      for (const xpath of xpaths) {
        assert.equal(xmlsecVerify(xml, xpath).ok, true);
        const bad = xmlsecVerify(tampered, xpath);
        assert.equal(bad.ok, false, bad.output);
        assert.match(bad.output, /data and digest do not match/);
      }
    });
  }

  test('a PEM private key signs the same way as a KeyObject', () => {
    const xml = signSamlResponse(buildDoc(), { privateKey: cert.privateKeyPem, certificatePem: cert.certificatePem }, { scope: 'both', algorithm: 'rsa-sha256' });
    assert.equal(xmlsecVerify(xml, ASSERTION_SIG_XPATH).ok, true);
    assert.equal(xmlsecVerify(xml, RESPONSE_SIG_XPATH).ok, true);
  });

  test('RSA PKCS#1 v1.5 signatures are deterministic, so the output is stable for the same input', () => {
    const a = signSamlResponse(buildDoc(), { privateKey: key, certificatePem: cert.certificatePem }, { scope: 'both', algorithm: 'rsa-sha256' });
    const b = signSamlResponse(buildDoc(), { privateKey: key, certificatePem: cert.certificatePem }, { scope: 'both', algorithm: 'rsa-sha256' });
    assert.equal(a, b);
  });
});

describe('signSamlResponse refusals', () => {
  test('a certificate that does not belong to the key is refused, even after the key signed with its own', () => {
    signSamlResponse(buildDoc(), { privateKey: key, certificatePem: cert.certificatePem }, { scope: 'assertion', algorithm: 'rsa-sha256' });
    assert.throws(
      () => signSamlResponse(buildDoc(), { privateKey: key, certificatePem: otherCert.certificatePem }, { scope: 'assertion', algorithm: 'rsa-sha256' }),
      (e: unknown) => isRolegateError(e, 'ERR_CRYPTO') && e.message === 'signing certificate does not belong to the signing key' && !e.expose,
    );
  });

  test('an unreadable PEM key is ERR_CRYPTO without echoing the key', () => {
    const garbage = '-----BEGIN PRIVATE KEY-----\nc2VjcmV0\n-----END PRIVATE KEY-----\n';
    assert.throws(
      () => signSamlResponse(buildDoc(), { privateKey: garbage, certificatePem: cert.certificatePem }, { scope: 'assertion', algorithm: 'rsa-sha256' }),
      (e: unknown) => isRolegateError(e, 'ERR_CRYPTO') && !e.message.includes('c2VjcmV0') && !e.expose,
    );
  });

  test('a public key, unknown scope or unknown algorithm is a programming mistake', () => {
    const pub = createPublicKey(key);
    assert.throws(() => signSamlResponse(buildDoc(), { privateKey: pub, certificatePem: cert.certificatePem }, { scope: 'assertion', algorithm: 'rsa-sha256' }), TypeError);
    assert.throws(
      () => signSamlResponse(buildDoc(), { privateKey: key, certificatePem: cert.certificatePem }, { scope: 'all' as SigningScope, algorithm: 'rsa-sha256' }),
      TypeError,
    );
    assert.throws(
      () => signSamlResponse(buildDoc(), { privateKey: key, certificatePem: cert.certificatePem }, { scope: 'both', algorithm: 'rsa-md5' as 'rsa-sha1' }),
      TypeError,
    );
  });

  test('a document that is not a built Response is a programming mistake', () => {
    const notResponse = new DOMParser().parseFromString('<x:AuthnRequest xmlns:x="urn:oasis:names:tc:SAML:2.0:protocol" ID="_a"/>', 'text/xml');
    assert.throws(
      () => signSamlResponse(notResponse, { privateKey: key, certificatePem: cert.certificatePem }, { scope: 'response', algorithm: 'rsa-sha256' }),
      TypeError,
    );
  });
});
