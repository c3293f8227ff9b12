import assert from 'node:assert/strict';
import { createPublicKey, type KeyObject } from 'node:crypto';
import { before, describe, test } from 'node:test';
import { createTestCertificate, type TestSigningKey } from '../../test/support/create-test-certificate.ts';
import { buildTestAuthnRequest, signTestAuthnRequestXml } from '../../test/support/sign-test-authn-request.ts';
import { isRolegateError } from '../errors/rolegate-error.ts';
import { parseAuthnRequest } from './parse-authn-request.ts';
import { parseXmlSafely } from './parse-xml-safely.ts';
import { verifyPostAuthnRequestSignature } from './verify-post-authn-request-signature.ts';

const NOW = new Date('2030-01-01T00:00:00Z');
const XML = buildTestAuthnRequest({ id: '_p1', issuer: 'https://sp.example.test/', acs: 'https://sp.example.test/acs', issueInstant: '2030-01-01T00:00:00Z' });

let sp: TestSigningKey;
let attacker: TestSigningKey;
let spKey: KeyObject;

before(async () => {
  [sp, attacker] = await Promise.all([createTestCertificate({ commonName: 'sp' }), createTestCertificate({ commonName: 'attacker' })]);
  spKey = createPublicKey(sp.certificatePem);
});

const verify = (xml: string, keys: KeyObject[], allowSha1 = false) => verifyPostAuthnRequestSignature(parseXmlSafely(xml, { maxLength: 100_000 }), keys, allowSha1, 100_000);

function refusedWith(message: RegExp) {
  return (e: unknown) => isRolegateError(e, 'ERR_SAML_REQUEST_INVALID') && message.test(e.message);
}
const notVerified = refusedWith(/^the AuthnRequest signature does not verify with the application's SP certificate\(s\) \(1 tried\)$/);

describe('verifyPostAuthnRequestSignature', () => {
  test('returns the signed bytes: the request without its Signature, which parses to the same request', () => {
    const signed = signTestAuthnRequestXml(XML, sp);
    const canonical = verify(signed, [spKey]);
    assert.doesNotMatch(canonical, /Signature/);
    const request = parseAuthnRequest(canonical, NOW);
    assert.deepEqual([request.id, request.issuer, request.assertionConsumerServiceUrl], ['_p1', 'https://sp.example.test/', 'https://sp.example.test/acs']);
  });

  test('a changed attribute after signing, or another key, does not verify', () => {
    const signed = signTestAuthnRequestXml(XML, sp);
    assert.throws(() => verify(signed.replace('https://sp.example.test/acs', 'https://evil.example/acs'), [spKey]), notVerified);
    assert.throws(() => verify(signTestAuthnRequestXml(XML, attacker), [spKey]), notVerified);
  });

  test("the attacker's certificate in KeyInfo is never used", () => {
    const signed = signTestAuthnRequestXml(XML, attacker, { keyInfo: true });
    assert.match(signed, /<ds:X509Certificate>/);
    assert.throws(() => verify(signed, [spKey]), notVerified);
  });

  test('rsa-sha1 only when allowed', () => {
    const sha1 = signTestAuthnRequestXml(XML, sp, { sha1: true });
    assert.throws(() => verify(sha1, [spKey]), refusedWith(/^the AuthnRequest signature is not accepted: AuthnRequest Signature: signature algorithm "http:\/\/www\.w3\.org\/2000\/09\/xmldsig#rsa-sha1" is not accepted/));
    assert.match(verify(sha1, [spKey], true), /^<samlp:AuthnRequest /);
  });

  test('a Signature elsewhere than right after Issuer, or a second one, is refused', () => {
    const signed = signTestAuthnRequestXml(XML, sp);
    const signature = /<ds:Signature[\s\S]*<\/ds:Signature>/.exec(signed)![0];
    const moved = signed.replace(signature, '').replace('</samlp:AuthnRequest>', `${signature}</samlp:AuthnRequest>`);
    assert.throws(() => verify(moved, [spKey]), refusedWith(/must be the direct child of samlp:AuthnRequest that follows saml:Issuer/));
    const nested = signed.replace(signature, `<samlp:Extensions>${signature}</samlp:Extensions>`);
    assert.throws(() => verify(nested, [spKey]), refusedWith(/must be the direct child/));
    const twice = signed.replace(signature, signature + signature);
    assert.throws(() => verify(twice, [spKey]), refusedWith(/holds 2 ds:Signature elements/));
  });

  test('wrapping: a signed request under another ID, or a repeated ID, is refused', () => {
    const signed = signTestAuthnRequestXml(XML, sp);
    assert.throws(() => verify(signed.replace('ID="_p1"', 'ID="_p2"'), [spKey]), refusedWith(/Reference URI "#_p1" must point to the AuthnRequest/));
    const repeated = signed.replace('<samlp:NameIDPolicy', '<samlp:Extensions><x ID="_p1" xmlns="urn:x"/></samlp:Extensions><samlp:NameIDPolicy');
    assert.throws(() => verify(repeated, [spKey]), refusedWith(/repeats an ID value/));
  });

  test('a root that is not an AuthnRequest is refused', () => {
    assert.throws(() => verify('<samlp:LogoutRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_x"/>', [spKey]), refusedWith(/not a samlp:AuthnRequest/));
  });
});
