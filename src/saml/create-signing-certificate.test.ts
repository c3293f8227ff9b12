import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, createPrivateKey, createSign, X509Certificate } from 'node:crypto';
import { createSigningCertificate, describeCertificate } from './create-signing-certificate.ts';
import { isRolegateError } from '../errors/rolegate-error.ts';

const NOW = new Date('2025-06-30T12:34:56.789Z');

describe('createSigningCertificate', () => {
  test('creates a self-signed RSA-2048 SHA-256 certificate valid three years from now', async () => {
    const c = await createSigningCertificate({ commonName: 'rolegate SSO Certificate', now: NOW });
    const x = new X509Certificate(c.certificatePem);
    assert.equal(x.subject, 'CN=rolegate SSO Certificate');
    assert.equal(x.issuer, 'CN=rolegate SSO Certificate');
    assert.equal(x.verify(x.publicKey), true, 'self-signed');
    assert.equal(x.publicKey.asymmetricKeyType, 'rsa');
    assert.equal(x.publicKey.asymmetricKeyDetails?.modulusLength, 2048);
    assert.equal(x.publicKey.asymmetricKeyDetails?.publicExponent, 65537n);
    assert.equal(new Date(x.validFrom).toISOString(), '2025-06-30T12:34:56.000Z');
    assert.equal(new Date(x.validTo).toISOString(), '2028-06-30T12:34:56.000Z');
    assert.equal(c.notBefore.toISOString(), '2025-06-30T12:34:56.000Z');
    assert.equal(c.notAfter.toISOString(), '2028-06-30T12:34:56.000Z');
    assert.equal(c.subject, 'CN=rolegate SSO Certificate');
    assert.equal(c.keyBits, 2048);
    // SHA-256 with RSA: OID 1.2.840.113549.1.1.11 in the DER
    assert.ok(x.raw.includes(Buffer.from('06092a864886f70d01010b', 'hex')));
    assert.equal(x.checkPrivateKey(createPrivateKey(c.privateKeyPem)), true);
    assert.match(c.privateKeyPem, /^-----BEGIN PRIVATE KEY-----\n[A-Za-z0-9+/=\n]+-----END PRIVATE KEY-----\n?$/);
  });

  test('thumbprints and serial number match the DER certificate', async () => {
    const c = await createSigningCertificate({ commonName: 'x', now: NOW });
    const x = new X509Certificate(c.certificatePem);
    assert.equal(c.thumbprintSha1, createHash('sha1').update(x.raw).digest('hex').toUpperCase());
    assert.equal(c.thumbprintSha256, createHash('sha256').update(x.raw).digest('hex').toUpperCase());
    assert.equal(c.thumbprintSha1, x.fingerprint.replaceAll(':', ''));
    assert.equal(c.serialNumber, x.serialNumber.toUpperCase());
    assert.match(c.serialNumber, /^[4-7][0-9A-F]{31}$/, 'positive, 16 octets');
  });

  test('serial numbers differ between certificates', async () => {
    const a = await createSigningCertificate({ commonName: 'x', now: NOW });
    const b = await createSigningCertificate({ commonName: 'x', now: NOW });
    assert.notEqual(a.serialNumber, b.serialNumber);
    assert.notEqual(a.thumbprintSha256, b.thumbprintSha256);
  });

  test('3072-bit keys on request', async () => {
    const c = await createSigningCertificate({ commonName: 'x', now: NOW, keyBits: 3072 });
    assert.equal(c.keyBits, 3072);
    assert.equal(new X509Certificate(c.certificatePem).publicKey.asymmetricKeyDetails?.modulusLength, 3072);
  });

  test('a common name with DN syntax characters stays one CN value', async () => {
    const c = await createSigningCertificate({ commonName: 'Acme, Inc=SSO', now: NOW });
    assert.equal(c.subject, 'CN=Acme\\, Inc=SSO');
    assert.equal(new X509Certificate(c.certificatePem).subject, 'CN=Acme\\, Inc=SSO');
  });

  test('no extension appears twice (AWS refuses repeated extensions)', async () => {
    const c = await createSigningCertificate({ commonName: 'x', now: NOW });
    const der = new X509Certificate(c.certificatePem).raw;
    const basicConstraints = Buffer.from('0603551d13', 'hex');
    const keyUsage = Buffer.from('0603551d0f', 'hex');
    assert.equal(countOccurrences(der, basicConstraints), 1);
    assert.equal(countOccurrences(der, keyUsage), 1);
  });

  test('the key signs data the certificate verifies', async () => {
    const c = await createSigningCertificate({ commonName: 'x', now: NOW });
    const sig = createSign('RSA-SHA256').update('hello').sign(c.privateKeyPem);
    const x = new X509Certificate(c.certificatePem);
    const { createVerify } = await import('node:crypto');
    assert.equal(createVerify('RSA-SHA256').update('hello').verify(x.publicKey, sig), true);
    assert.equal(createVerify('RSA-SHA256').update('hellO').verify(x.publicKey, sig), false);
  });

  test('caller mistakes throw TypeError', async () => {
    await assert.rejects(createSigningCertificate({ commonName: '', now: NOW }), TypeError);
    await assert.rejects(createSigningCertificate({ commonName: 'x', now: new Date(NaN) }), TypeError);
    await assert.rejects(createSigningCertificate({ commonName: 'x', now: NOW, keyBits: 1024 as 2048 }), TypeError);
  });
});

describe('describeCertificate', () => {
  test('returns the same facts as creation', async () => {
    const c = await createSigningCertificate({ commonName: 'rolegate SSO Certificate', now: NOW });
    const { certificatePem: _c, privateKeyPem: _k, ...facts } = c;
    assert.deepEqual(describeCertificate(c.certificatePem), facts);
  });

  test('refuses text that is not exactly one certificate', async () => {
    const c = await createSigningCertificate({ commonName: 'x', now: NOW });
    assert.throws(
      () => describeCertificate('hello'),
      (e: unknown) => isRolegateError(e, 'ERR_VALIDATION') && e.message === 'expected exactly one PEM certificate, found 0',
    );
    assert.throws(
      () => describeCertificate(c.certificatePem + c.certificatePem),
      (e: unknown) => isRolegateError(e, 'ERR_VALIDATION') && e.message === 'expected exactly one PEM certificate, found 2',
    );
    assert.throws(
      () => describeCertificate('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n'),
      (e: unknown) => isRolegateError(e, 'ERR_VALIDATION') && e.message === 'certificate is not a valid X.509 PEM certificate',
    );
  });
});

function countOccurrences(haystack: Buffer, needle: Buffer): number {
  let count = 0;
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + 1)) count++;
  return count;
}
