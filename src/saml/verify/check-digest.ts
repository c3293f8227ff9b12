import { hash as digestOf, timingSafeEqual } from 'node:crypto';
import type { XmlElement } from '../xml/xml-dom.ts';
import { refuse } from './errors.ts';
import { readBase64Text } from './read-base64-text.ts';

/**
 * Reference validation (xmldsig-core §3.2.1, step 2): the digest of the transformed, canonical
 * signed element must equal DigestValue, compared as bytes.
 */
export function checkDigest(canonicalXml: string, hash: string, digestValue: XmlElement, label: string): void {
  const expected = readBase64Text(digestValue);
  const actual = digestOf(hash, canonicalXml, 'buffer');
  if (expected === undefined || expected.length !== actual.length || !timingSafeEqual(expected, actual)) {
    throw refuse('ERR_SIGNATURE_INVALID', 'signature-digest', `Signature digest of the ${label} does not match: the signed content was modified`);
  }
}
