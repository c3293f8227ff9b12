import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { inflateRawSync } from 'node:zlib';
import { createTestCertificate, type TestSigningKey } from '../../test/support/create-test-certificate.ts';
import { buildTestAuthnRequest, deflateForRedirect, signTestAuthnRequestXml, signTestRedirectQuery } from '../../test/support/sign-test-authn-request.ts';
import { isRolegateError } from '../errors/rolegate-error.ts';
import { checkAuthnRequestSignature, type AuthnRequestSignaturePolicy } from './check-authn-request-signature.ts';
import { readRedirectBindingQuery } from './read-authn-request-signature-query.ts';

const XML = buildTestAuthnRequest({ id: '_c1', issuer: 'https://sp.example.test/' });

let sp: TestSigningKey;
let other: TestSigningKey;

before(async () => {
  [sp, other] = await Promise.all([createTestCertificate({ commonName: 'sp' }), createTestCertificate({ commonName: 'other' })]);
});

const policy = (overrides: Partial<AuthnRequestSignaturePolicy> = {}): AuthnRequestSignaturePolicy => ({
  required: true,
  certificatesPem: [sp.certificatePem],
  allowSha1: false,
  ...overrides,
});

function redirect(search: string) {
  const query = readRedirectBindingQuery(search);
  return { xml: inflateRawSync(Buffer.from(query.samlRequest, 'base64')).toString('utf8'), query };
}

function refusedWith(message: RegExp) {
  return (e: unknown) => isRolegateError(e, 'ERR_SAML_REQUEST_INVALID') && message.test(e.message);
}

describe('checkAuthnRequestSignature', () => {
  test('required: an unsigned request is refused on both bindings', () => {
    const notSigned = refusedWith(/^the AuthnRequest is not signed, and this application requires signed requests$/);
    assert.throws(() => checkAuthnRequestSignature({ xml: XML }, policy()), notSigned);
    assert.throws(() => checkAuthnRequestSignature(redirect(`SAMLRequest=${encodeURIComponent(deflateForRedirect(XML))}`), policy()), notSigned);
  });

  test('required: a query signature and an enveloped one both verify; the enveloped one gives only the signed bytes', () => {
    assert.deepEqual(checkAuthnRequestSignature(redirect(signTestRedirectQuery(XML, sp)), policy()), { xml: XML, signature: 'redirect-query' });
    const signed = signTestAuthnRequestXml(XML, sp);
    const post = checkAuthnRequestSignature({ xml: signed }, policy());
    assert.equal(post.signature, 'enveloped');
    assert.notEqual(post.xml, signed);
    assert.doesNotMatch(post.xml, /Signature/);
  });

  test('an enveloped signature carried on the redirect binding (the sign-in round trip) verifies too', () => {
    const signed = signTestAuthnRequestXml(XML, sp);
    const carried = redirect(`SAMLRequest=${encodeURIComponent(deflateForRedirect(signed))}&RelayState=r`);
    assert.equal(carried.xml, signed);
    assert.equal(checkAuthnRequestSignature(carried, policy()).signature, 'enveloped');
  });

  test('not required: unsigned passes; a signature is verified when certificates exist, ignored when none do', () => {
    assert.deepEqual(checkAuthnRequestSignature({ xml: XML }, policy({ required: false })), { xml: XML, signature: 'none' });
    const wrong = signTestAuthnRequestXml(XML, other);
    assert.throws(() => checkAuthnRequestSignature({ xml: wrong }, policy({ required: false })), refusedWith(/does not verify/));
    assert.throws(() => checkAuthnRequestSignature(redirect(signTestRedirectQuery(XML, other)), policy({ required: false })), refusedWith(/does not verify/));
    assert.deepEqual(checkAuthnRequestSignature({ xml: wrong }, policy({ required: false, certificatesPem: [] })), { xml: wrong, signature: 'none' });
  });

  test('required with no certificate fails closed; signed both ways is refused', () => {
    assert.throws(() => checkAuthnRequestSignature({ xml: signTestAuthnRequestXml(XML, sp) }, policy({ certificatesPem: [] })), refusedWith(/no SP certificate/));
    assert.throws(() => checkAuthnRequestSignature(redirect(signTestRedirectQuery(signTestAuthnRequestXml(XML, sp), sp)), policy()), refusedWith(/signed both on the query string and with a ds:Signature/));
  });

  test('a broken stored certificate is a configuration error naming the entry', () => {
    assert.throws(
      () => checkAuthnRequestSignature({ xml: signTestAuthnRequestXml(XML, sp) }, policy({ certificatesPem: [sp.certificatePem, 'nope'] })),
      (e: unknown) => isRolegateError(e, 'ERR_CONFIG') && e.field === 'spSigningCertificates[1]',
    );
  });
});
