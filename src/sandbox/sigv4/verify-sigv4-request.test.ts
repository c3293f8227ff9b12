import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { deriveSigningKey } from './derive-signing-key.ts';
import { checkSignature, checkSignatureTime, readSigV4Claim, type IncomingSignedRequest } from './verify-sigv4-request.ts';
import { AwsServiceError } from '../errors/aws-service-error.ts';

// The worked example of the AWS General Reference, "Signature Version 4 signing process":
// GET https://iam.amazonaws.com/?Action=ListUsers&Version=2010-05-08 on 2015-08-30T12:36:00Z.
const SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';
const EXAMPLE_SIGNATURE = '5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7';

function exampleRequest(signature = EXAMPLE_SIGNATURE, date = '20150830T123600Z'): IncomingSignedRequest {
  const headers: Record<string, string> = {
    authorization: `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=${signature}`,
    'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
    host: 'iam.amazonaws.com',
    'x-amz-date': date,
  };
  return {
    method: 'GET',
    rawPath: '/',
    rawQuery: 'Version=2010-05-08&Action=ListUsers',
    header: (name) => headers[name],
    body: new Uint8Array(),
  };
}

describe('SigV4 verification', () => {
  test('derives the documented signing key', () => {
    assert.equal(
      deriveSigningKey(SECRET, '20150830', 'us-east-1', 'iam').toString('hex'),
      'c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9',
    );
  });

  test('accepts the documented example signature', () => {
    const request = exampleRequest();
    const claim = readSigV4Claim(request);
    assert.ok(claim);
    assert.equal(claim.accessKeyId, 'AKIDEXAMPLE');
    assert.equal(claim.service, 'iam');
    checkSignature(request, claim, SECRET);
  });

  test('refuses a signature made with another secret', () => {
    const request = exampleRequest();
    const claim = readSigV4Claim(request);
    assert.ok(claim);
    assert.throws(() => checkSignature(request, claim, `${SECRET}x`), (e: unknown) => e instanceof AwsServiceError && e.code === 'SignatureDoesNotMatch' && e.httpStatus === 403);
  });

  test('refuses a request whose query was changed after signing', () => {
    const request = { ...exampleRequest(), rawQuery: 'Version=2010-05-08&Action=ListRoles' };
    const claim = readSigV4Claim(request);
    assert.ok(claim);
    assert.throws(() => checkSignature(request, claim, SECRET), (e: unknown) => e instanceof AwsServiceError && e.code === 'SignatureDoesNotMatch');
  });

  test('refuses a body that differs from the signed x-amz-content-sha256', () => {
    const base = exampleRequest();
    const request: IncomingSignedRequest = {
      ...base,
      header: (name) => (name === 'x-amz-content-sha256' ? '0'.repeat(64) : base.header(name)),
      body: new TextEncoder().encode('Action=ListRoles'),
    };
    const claim = readSigV4Claim(request);
    assert.ok(claim);
    assert.throws(() => checkSignature(request, claim, SECRET), (e: unknown) => e instanceof AwsServiceError && e.code === 'XAmzContentSHA256Mismatch');
  });

  test('allows 15 minutes of clock skew and no more', () => {
    const claim = readSigV4Claim(exampleRequest());
    assert.ok(claim);
    checkSignatureTime(claim, new Date('2015-08-30T12:51:00Z'));
    checkSignatureTime(claim, new Date('2015-08-30T12:21:00Z'));
    assert.throws(
      () => checkSignatureTime(claim, new Date('2015-08-30T12:51:01Z')),
      (e: unknown) => e instanceof AwsServiceError && e.code === 'SignatureDoesNotMatch' && e.message.startsWith('Signature expired: 20150830T123600Z is now earlier than 20150830T123601Z'),
    );
    assert.throws(
      () => checkSignatureTime(claim, new Date('2015-08-30T12:20:59Z')),
      (e: unknown) => e instanceof AwsServiceError && e.message.startsWith('Signature not yet current'),
    );
  });

  test('refuses a credential scope date that differs from X-Amz-Date', () => {
    assert.throws(
      () => readSigV4Claim(exampleRequest(EXAMPLE_SIGNATURE, '20150831T000000Z')),
      (e: unknown) => e instanceof AwsServiceError && e.code === 'SignatureDoesNotMatch' && e.message.includes("'20150830' != '20150831'"),
    );
  });

  test('returns undefined for an unsigned request and refuses a malformed header', () => {
    const base = exampleRequest();
    assert.equal(readSigV4Claim({ ...base, header: (n) => (n === 'authorization' ? undefined : base.header(n)) }), undefined);
    assert.throws(
      () => readSigV4Claim({ ...base, header: (n) => (n === 'authorization' ? 'AWS4-HMAC-SHA256 Credential=x' : base.header(n)) }),
      (e: unknown) => e instanceof AwsServiceError && e.code === 'IncompleteSignature',
    );
  });
});
