// @peculiar/x509 resolves its algorithms through tsyringe, which needs the Reflect metadata API
// loaded first (see the library's README). Must stay the first import.
import 'reflect-metadata';
import { createHash, X509Certificate as NodeX509Certificate } from 'node:crypto';
import {
  BasicConstraintsExtension,
  KeyUsageFlags,
  KeyUsagesExtension,
  PemConverter,
  X509Certificate,
  X509CertificateGenerator,
} from '@peculiar/x509';
import { RolegateError } from '../errors/rolegate-error.ts';

export type SigningKeyBits = 2048 | 3072;

export interface CertificateDescription {
  /** RFC 4514 string, e.g. `CN=rolegate SSO Certificate`. */
  subject: string;
  /** Uppercase hex of the serial number's positive integer octets. */
  serialNumber: string;
  /** Uppercase hex SHA-1 of the DER certificate (the "thumbprint" Entra and AWS show). */
  thumbprintSha1: string;
  thumbprintSha256: string;
  keyBits: number;
  notBefore: Date;
  notAfter: Date;
}

export interface CreatedSigningCertificate extends CertificateDescription {
  certificatePem: string;
  /** PKCS#8 PEM. A secret: store it through the secret box, never log it. */
  privateKeyPem: string;
}

export interface CreateSigningCertificateInput {
  commonName: string;
  now: Date;
  keyBits?: SigningKeyBits;
}

const VALIDITY_YEARS = 3;

/**
 * Creates a self-signed RSA signing certificate for SAML (SHA-256 with RSA, valid three years
 * from `now`). Each extension appears once: AWS refuses metadata whose certificate repeats one.
 */
export async function createSigningCertificate(input: CreateSigningCertificateInput): Promise<CreatedSigningCertificate> {
  const keyBits = input.keyBits ?? 2048;
  if (keyBits !== 2048 && keyBits !== 3072) throw new TypeError('keyBits must be 2048 or 3072');
  if (typeof input.commonName !== 'string' || input.commonName.trim() === '') {
    throw new TypeError('commonName must be a non-empty string');
  }
  if (!(input.now instanceof Date) || Number.isNaN(input.now.getTime())) throw new TypeError('now must be a valid Date');

  // X.509 times carry whole seconds (RFC 5280 §4.1.2.5); truncate so the returned dates equal the certificate's.
  const notBefore = new Date(Math.floor(input.now.getTime() / 1000) * 1000);
  const notAfter = new Date(notBefore);
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + VALIDITY_YEARS);

  const webcrypto = globalThis.crypto;
  const algorithm: RsaHashedKeyGenParams = {
    name: 'RSASSA-PKCS1-v1_5',
    hash: 'SHA-256',
    modulusLength: keyBits,
    publicExponent: new Uint8Array([1, 0, 1]),
  };
  const keys = await webcrypto.subtle.generateKey(algorithm, true, ['sign', 'verify']);
  const cert = await X509CertificateGenerator.createSelfSigned(
    {
      serialNumber: randomPositiveSerialHex(),
      // JSON form, so a comma or equals sign in the name is a value, not DN syntax.
      name: [{ CN: [input.commonName] }],
      notBefore,
      notAfter,
      keys,
      signingAlgorithm: algorithm,
      extensions: [
        new BasicConstraintsExtension(false, undefined, true),
        new KeyUsagesExtension(KeyUsageFlags.digitalSignature, true),
      ],
    },
    webcrypto,
  );
  const pkcs8 = await webcrypto.subtle.exportKey('pkcs8', keys.privateKey);
  const certificatePem = cert.toString('pem');
  return {
    certificatePem,
    privateKeyPem: PemConverter.encode(pkcs8, 'PRIVATE KEY'),
    ...describeCertificate(certificatePem),
  };
}

/** Reads the facts an administrator and the metadata need from one PEM certificate. */
export function describeCertificate(pem: string): CertificateDescription {
  if (typeof pem !== 'string') throw new TypeError('describeCertificate expects a PEM string');
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----/g)?.length ?? 0;
  if (blocks !== 1) {
    throw new RolegateError('ERR_VALIDATION', `expected exactly one PEM certificate, found ${blocks}`, {
      field: 'certificate',
    });
  }
  let cert: X509Certificate;
  let keyBits: number | undefined;
  let keyType: string | undefined;
  try {
    cert = new X509Certificate(pem);
    const nodeCert = new NodeX509Certificate(pem);
    keyType = nodeCert.publicKey.asymmetricKeyType;
    keyBits = nodeCert.publicKey.asymmetricKeyDetails?.modulusLength;
  } catch (cause) {
    throw new RolegateError('ERR_VALIDATION', 'certificate is not a valid X.509 PEM certificate', {
      cause,
      field: 'certificate',
    });
  }
  if (keyType !== 'rsa' || keyBits === undefined) {
    throw new RolegateError('ERR_VALIDATION', `certificate key must be RSA, found ${keyType ?? 'unknown'}`, {
      field: 'certificate',
    });
  }
  const der = Buffer.from(cert.rawData);
  return {
    subject: cert.subject,
    serialNumber: cert.serialNumber.toUpperCase(),
    thumbprintSha1: createHash('sha1').update(der).digest('hex').toUpperCase(),
    thumbprintSha256: createHash('sha256').update(der).digest('hex').toUpperCase(),
    keyBits,
    notBefore: cert.notBefore,
    notAfter: cert.notAfter,
  };
}

// RFC 5280 §4.1.2.2: positive, at most 20 octets. 16 random octets with the top bit cleared and
// the next one set keep it positive and always 16 octets long.
function randomPositiveSerialHex(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  bytes[0] = ((bytes[0] ?? 0) & 0x7f) | 0x40;
  return Buffer.from(bytes).toString('hex');
}
