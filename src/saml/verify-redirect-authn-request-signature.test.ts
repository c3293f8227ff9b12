import assert from 'node:assert/strict';
import { createPublicKey, type KeyObject } from 'node:crypto';
import { before, describe, test } from 'node:test';
import { createTestCertificate, type TestSigningKey } from '../../test/support/create-test-certificate.ts';
import { buildTestAuthnRequest, RSA_SHA1, signTestRedirectQuery } from '../../test/support/sign-test-authn-request.ts';
import { isRolegateError } from '../errors/rolegate-error.ts';
import { readRedirectBindingQuery } from './read-authn-request-signature-query.ts';
import { verifyRedirectAuthnRequestSignature } from './verify-redirect-authn-request-signature.ts';

const XML = buildTestAuthnRequest({ issuer: 'https://sp.example.test/', acs: 'https://sp.example.test/acs' });
const RSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';

let sp: TestSigningKey;
let other: TestSigningKey;
let spKey: KeyObject;
let otherKey: KeyObject;

before(async () => {
  [sp, other] = await Promise.all([createTestCertificate({ commonName: 'sp' }), createTestCertificate({ commonName: 'other' })]);
  spKey = createPublicKey(sp.certificatePem);
  otherKey = createPublicKey(other.certificatePem);
});

function refusedWith(message: RegExp) {
  return (e: unknown) => isRolegateError(e, 'ERR_SAML_REQUEST_INVALID') && message.test(e.message);
}

const verify = (search: string, keys: KeyObject[], allowSha1 = false) => verifyRedirectAuthnRequestSignature(readRedirectBindingQuery(search), keys, allowSha1);

describe('verifyRedirectAuthnRequestSignature', () => {
  test('a query signed by a trusted key verifies, whichever key of the list it is, and with RelayState', () => {
    assert.equal(verify(signTestRedirectQuery(XML, sp), [otherKey, spKey]), RSA_SHA256);
    assert.equal(verify(signTestRedirectQuery(XML, sp, { relayState: 'https://app/x?y=1&z' }), [spKey]), RSA_SHA256);
  });

  test("the SP's own valid percent-encoding (lower-case hex) is what is verified, not a re-encoding", () => {
    const lower = (value: string) => encodeURIComponent(value).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase());
    const search = signTestRedirectQuery(XML, sp, { relayState: 'a/b', encode: lower });
    assert.match(search, /%2f/);
    assert.equal(verify(search, [spKey]), RSA_SHA256);
  });

  test('another key, a changed SAMLRequest, RelayState swapped or dropped, or SigAlg changed do not verify', () => {
    const notVerified = refusedWith(/^the AuthnRequest signature does not verify with the application's SP certificate\(s\) \(1 tried\)$/);
    assert.throws(() => verify(signTestRedirectQuery(XML, other), [spKey]), notVerified);
    const signed = signTestRedirectQuery(XML, sp, { relayState: 'first' });
    const tampered = signTestRedirectQuery(XML.replace('_req1', '_req2'), sp, { relayState: 'first' });
    const swapRequest = `SAMLRequest=${/SAMLRequest=([^&]*)/.exec(tampered)![1]}&${signed.slice(signed.indexOf('&') + 1)}`;
    assert.throws(() => verify(swapRequest, [spKey]), notVerified);
    assert.throws(() => verify(signed.replace('RelayState=first', 'RelayState=second'), [spKey]), notVerified);
    assert.throws(() => verify(signed.replace('RelayState=first&', ''), [spKey]), notVerified);
    assert.throws(() => verify(signTestRedirectQuery(XML, sp), []), refusedWith(/\(0 tried\)$/));
  });

  test('rsa-sha1 is refused unless allowed; other SigAlgs always', () => {
    const sha1 = signTestRedirectQuery(XML, sp, { sigAlg: RSA_SHA1 });
    assert.throws(() => verify(sha1, [spKey]), refusedWith(/^SigAlg "http:\/\/www\.w3\.org\/2000\/09\/xmldsig#rsa-sha1" is not accepted; accepted: http:\/\/www\.w3\.org\/2001\/04\/xmldsig-more#rsa-sha256$/));
    assert.equal(verify(sha1, [spKey], true), RSA_SHA1);
    const hmac = signTestRedirectQuery(XML, sp, { sigAlg: 'http://www.w3.org/2000/09/xmldsig#hmac-sha1' });
    assert.throws(() => verify(hmac, [spKey], true), refusedWith(/^SigAlg "http:\/\/www\.w3\.org\/2000\/09\/xmldsig#hmac-sha1" is not accepted/));
  });

  test('Signature without SigAlg, SigAlg without Signature, or a Signature that is not base64 are refused', () => {
    const signed = signTestRedirectQuery(XML, sp);
    assert.throws(() => verify(signed.replace(/&SigAlg=[^&]*/, ''), [spKey]), refusedWith(/has a Signature parameter but no SigAlg/));
    assert.throws(() => verify(signed.replace(/&Signature=[^&]*/, ''), [spKey]), refusedWith(/has a SigAlg parameter but no Signature/));
    assert.throws(() => verify(signed.replace(/&Signature=[^&]*/, '&Signature=%21%21'), [spKey]), refusedWith(/Signature parameter is not valid base64/));
  });
});
