import { createPublicKey, type KeyObject } from 'node:crypto';
import type { Element } from '@xmldom/xmldom';
import { SignedXml } from 'xml-crypto';
import { ACCEPTED_CANONICALIZATION, ACCEPTED_TRANSFORMS, acceptedDigestAlgorithms, acceptedSignatureAlgorithms } from './algorithms.ts';
import { refuse } from './errors.ts';

const WRONG_KEY_MESSAGE = 'invalid signature: the signature value';

/** Parses trusted certificates once; only RSA keys can verify the accepted algorithms. */
export function loadTrustedKeys(certificatesPem: readonly string[]): KeyObject[] {
  const keys: KeyObject[] = [];
  for (const pem of certificatesPem) {
    let key: KeyObject;
    try {
      key = createPublicKey(pem);
    } catch (cause) {
      throw new TypeError('A trusted certificate is not a valid PEM certificate or public key', { cause });
    }
    if (key.asymmetricKeyType === 'rsa') keys.push(key);
  }
  return keys;
}

function restrictTo<T>(table: Record<string, T>, allowed: readonly string[]): Record<string, T> {
  return Object.fromEntries(Object.entries(table).filter(([name]) => allowed.includes(name)));
}

/**
 * Verifies one enveloped Signature against the trusted keys only, and returns the canonical
 * bytes of the element it signs (what xml-crypto digested). KeyInfo is never consulted:
 * `getCertFromKeyInfo` answers null, so an attacker's embedded certificate is inert.
 */
export function verifySignatureValue(
  xml: string,
  signature: Element,
  trustedKeys: readonly KeyObject[],
  label: string,
  allowSha1: boolean,
): string {
  if (trustedKeys.length === 0) {
    throw refuse('ERR_SIGNATURE_INVALID', 'signature-value', `${label} cannot be verified: no RSA signing certificate is trusted`);
  }
  for (const key of trustedKeys) {
    const verifier = new SignedXml({ publicCert: key, getCertFromKeyInfo: () => null });
    // Defence in depth behind check-signed-info: xml-crypto itself knows only the allow-list.
    verifier.SignatureAlgorithms = restrictTo(verifier.SignatureAlgorithms, acceptedSignatureAlgorithms(allowSha1));
    verifier.HashAlgorithms = restrictTo(verifier.HashAlgorithms, acceptedDigestAlgorithms(allowSha1));
    verifier.CanonicalizationAlgorithms = restrictTo(verifier.CanonicalizationAlgorithms, [ACCEPTED_CANONICALIZATION, ...ACCEPTED_TRANSFORMS]);
    let valid: boolean;
    try {
      verifier.loadSignature(signature as unknown as globalThis.Node);
      valid = verifier.checkSignature(xml);
    } catch (cause) {
      const message = cause instanceof Error ? cause.message : String(cause);
      if (message.startsWith(WRONG_KEY_MESSAGE)) continue;
      throw refuse('ERR_SIGNATURE_INVALID', 'signature-value', `${label} signature could not be verified: ${message.split('\n')[0]}`, cause);
    }
    if (!valid) {
      // Digests are checked before the key is used, so this answer is the same for every key.
      throw refuse('ERR_SIGNATURE_INVALID', 'signature-digest', `Signature digest of the ${label} does not match: the signed content was modified`);
    }
    const signed = verifier.getSignedReferences();
    if (signed.length !== 1 || typeof signed[0] !== 'string') {
      throw refuse('ERR_SIGNATURE_INVALID', 'signature-value', `${label} signature covers ${signed.length} references; exactly one is accepted`);
    }
    return signed[0];
  }
  const count = trustedKeys.length;
  throw refuse(
    'ERR_SIGNATURE_INVALID',
    'signature-value',
    `${label} is not signed by any certificate in the provider metadata (${count} certificate${count === 1 ? '' : 's'} tried)`,
  );
}
