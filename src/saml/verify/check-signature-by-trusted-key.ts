import { constants, verify, type KeyObject } from 'node:crypto';
import type { XmlElement } from '../xml/xml-dom.ts';
import { refuse } from './errors.ts';
import { readBase64Text } from './read-base64-text.ts';

/**
 * Signature validation (xmldsig-core §3.2.2): SignatureValue must be an RSA PKCS#1 v1.5 signature
 * of the canonical SignedInfo by one of the trusted keys. KeyInfo is never read.
 */
export function checkSignatureByTrustedKey(canonicalSignedInfo: string, hash: string, signatureValue: XmlElement, trustedKeys: readonly KeyObject[], label: string): void {
  const signature = readBase64Text(signatureValue);
  const data = Buffer.from(canonicalSignedInfo, 'utf8');
  if (signature !== undefined) {
    for (const key of trustedKeys) {
      if (verify(hash, data, { key, padding: constants.RSA_PKCS1_PADDING }, signature)) return;
    }
  }
  const count = trustedKeys.length;
  throw refuse(
    'ERR_SIGNATURE_INVALID',
    'signature-value',
    `${label} is not signed by any certificate in the provider metadata (${count} certificate${count === 1 ? '' : 's'} tried)`,
  );
}
