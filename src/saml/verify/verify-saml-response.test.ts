import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { isRolegateError } from '../../errors/rolegate-error.ts';
import { buildTestResponse } from '../../../test/support/build-test-response.ts';
import { createTestCertificate, type TestSigningKey } from '../../../test/support/create-test-certificate.ts';
import { signTestResponse } from '../../../test/support/sign-test-response.ts';
import { parseXmlSafely } from '../parse-xml-safely.ts';
import { verifySamlDocument, verifySamlResponse } from './verify-saml-response.ts';
import { SAML_ASSERTION_NS } from '../namespaces.ts';
import type { XmlElement } from '../xml/xml-dom.ts';

const now = new Date('2025-01-15T12:00:00Z');
const options = { maxLength: 200_000, allowSha1: false };
let idp: TestSigningKey;
let other: TestSigningKey;

before(async () => {
  [idp, other] = await Promise.all([createTestCertificate({ commonName: 'idp' }), createTestCertificate({ commonName: 'other' })]);
});

function nameIdOf(assertion: XmlElement): string {
  return assertion.getElementsByTagNameNS(SAML_ASSERTION_NS, 'NameID')[0]?.textContent ?? '';
}

function refusedWith(check: string, code: string, pattern?: RegExp) {
  return (error: unknown) => {
    assert.ok(isRolegateError(error), `expected RolegateError, got ${String(error)}`);
    assert.equal(error.code, code);
    assert.equal(error.details?.['check'], check, error.message);
    if (pattern) assert.match(error.message, pattern);
    return true;
  };
}

describe('verifySamlResponse', () => {
  for (const sign of ['assertion', 'response', 'both'] as const) {
    test(`accepts a response with ${sign} signed and reads the verified assertion`, () => {
      const xml = signTestResponse(buildTestResponse({ now }), { key: idp, sign });
      const verified = verifySamlResponse(xml, [other.certificatePem, idp.certificatePem], options);
      assert.equal(verified.assertionSigned, sign !== 'response');
      assert.equal(verified.responseSigned, sign !== 'assertion');
      assert.equal(verified.signatureAlgorithm, 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256');
      assert.equal(verified.assertion.getAttribute('ID'), '_assert0001');
      assert.equal(nameIdOf(verified.assertion), 'alice@example.test');
    });
  }

  for (const sign of ['assertion', 'response', 'both'] as const) {
    test(`${sign} signed: the assertion returned is read from the signed bytes, not from the received document`, () => {
      const xml = signTestResponse(buildTestResponse({ now }), { key: idp, sign });
      const doc = parseXmlSafely(xml, { maxLength: 100_000 });
      const verified = verifySamlDocument(doc, [idp.certificatePem], options);
      const received = doc.documentElement as XmlElement;
      assert.notEqual(verified.assertion.ownerDocument, doc, 'the assertion is a node of a re-parsed document');
      assert.equal(verified.response === received, sign === 'assertion', 'the Response is re-parsed only when it is signed');
      // What was re-parsed is exactly what the digest covered: no Signature of its own inside.
      const ownSignature = verified.assertion.childNodes.some((n) => n.nodeType === 1 && n.localName === 'Signature');
      assert.equal(ownSignature, false);
    });
  }

  test('refuses a modified assertion with the digest message', () => {
    const xml = signTestResponse(buildTestResponse({ now }), { key: idp, sign: 'assertion' }).replace('alice@example.test', 'mallory@example.test');
    assert.throws(() => verifySamlResponse(xml, [idp.certificatePem], options), refusedWith('signature-digest', 'ERR_SIGNATURE_INVALID', /^Signature digest of the Assertion does not match: the signed content was modified$/));
  });

  test('refuses a signature by a key that is not trusted, counting certificates', () => {
    const xml = signTestResponse(buildTestResponse({ now }), { key: other, sign: 'response' });
    assert.throws(() => verifySamlResponse(xml, [idp.certificatePem, idp.certificatePem], options), refusedWith('signature-value', 'ERR_SIGNATURE_INVALID', /^Response is not signed by any certificate in the provider metadata \(2 certificates tried\)$/));
  });

  test('refuses SHA-1 unless allowed', () => {
    const xml = signTestResponse(buildTestResponse({ now }), { key: idp, sign: 'assertion', algorithm: 'sha1' });
    assert.throws(() => verifySamlResponse(xml, [idp.certificatePem], options), refusedWith('signed-info', 'ERR_SIGNATURE_INVALID', /rsa-sha1" is not accepted/));
    const verified = verifySamlResponse(xml, [idp.certificatePem], { ...options, allowSha1: true });
    assert.equal(verified.signatureAlgorithm, 'http://www.w3.org/2000/09/xmldsig#rsa-sha1');
  });

  test('reads the whole NameID when a comment splits it (comment injection)', () => {
    const signed = signTestResponse(buildTestResponse({ now, nameId: 'admin@good.test.evil.test' }), { key: idp, sign: 'assertion' });
    const injected = signed.replace('admin@good.test.evil.test', 'admin@good.test<!---->.evil.test');
    assert.notEqual(injected, signed);
    const verified = verifySamlResponse(injected, [idp.certificatePem], options);
    assert.equal(nameIdOf(verified.assertion), 'admin@good.test.evil.test');
  });

  test('refuses an unsigned response', () => {
    assert.throws(() => verifySamlResponse(buildTestResponse({ now }), [idp.certificatePem], options), refusedWith('signature-placement', 'ERR_SIGNATURE_INVALID', /^Neither the Response nor the Assertion is signed$/));
  });

  test('refuses a root that is not samlp:Response', () => {
    const xml = '<saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_a"/>';
    assert.throws(() => verifySamlResponse(xml, [idp.certificatePem], options), refusedWith('response-root', 'ERR_SAML_RESPONSE_INVALID'));
  });

  test('refuses c14n with comments and unexpected transforms before any cryptography', () => {
    const xml = signTestResponse(buildTestResponse({ now }), { key: idp, sign: 'assertion' });
    const withComments = xml.replace('<ds:CanonicalizationMethod Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"', '<ds:CanonicalizationMethod Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#WithComments"');
    assert.notEqual(withComments, xml);
    assert.throws(() => verifySamlResponse(withComments, [idp.certificatePem], options), refusedWith('signed-info', 'ERR_SIGNATURE_INVALID', /canonicalization "http:\/\/www.w3.org\/2001\/10\/xml-exc-c14n#WithComments" is not accepted/));
    const xpathTransform = xml.replace('<ds:Transforms>', '<ds:Transforms><ds:Transform Algorithm="http://www.w3.org/TR/1999/REC-xpath-19991116"/>');
    assert.throws(() => verifySamlResponse(xpathTransform, [idp.certificatePem], options), refusedWith('signed-info', 'ERR_SIGNATURE_INVALID', /transforms \[http:\/\/www.w3.org\/TR\/1999\/REC-xpath-19991116, /));
  });

  test('refuses a Signature nested anywhere but directly in the Response or the Assertion', () => {
    const xml = signTestResponse(buildTestResponse({ now }), { key: idp, sign: 'assertion' });
    const nested = xml.replace(/(<ds:Signature[\s\S]*<\/ds:Signature>)/, '<saml:Advice>$1</saml:Advice>');
    assert.throws(() => verifySamlResponse(nested, [idp.certificatePem], options), refusedWith('signature-placement', 'ERR_SIGNATURE_INVALID', /Signature at Response\/Assertion\/Advice\/Signature is not a direct child/));
  });
});

