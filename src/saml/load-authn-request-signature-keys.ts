import { X509Certificate, type KeyObject } from 'node:crypto';
import { RolegateError } from '../errors/rolegate-error.ts';

/**
 * The public keys of an SP's configured signing certificates: the only keys an AuthnRequest
 * signature is checked against (a key or certificate inside the request is never used).
 * Settings validation refuses anything but one RSA certificate per entry, so a refusal here
 * means the stored configuration is broken, not that the request is bad.
 */
export function loadAuthnRequestSignatureKeys(certificatesPem: readonly string[]): KeyObject[] {
  return certificatesPem.map((pem, i) => {
    let key: KeyObject;
    try {
      key = new X509Certificate(pem).publicKey;
    } catch (cause) {
      throw brokenCertificate(i, 'is not a valid X.509 PEM certificate', cause);
    }
    if (key.asymmetricKeyType !== 'rsa') throw brokenCertificate(i, 'does not hold an RSA key');
    return key;
  });
}

function brokenCertificate(i: number, problem: string, cause?: unknown): RolegateError {
  const field = `spSigningCertificates[${i}]`;
  return new RolegateError('ERR_CONFIG', `${field} ${problem}`, { field, ...(cause === undefined ? {} : { cause }) });
}
