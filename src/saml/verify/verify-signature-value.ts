import type { KeyObject } from 'node:crypto';
import type { XmlElement } from '../xml/xml-dom.ts';
import { isRolegateError } from '../../errors/rolegate-error.ts';
import { canonicalizeExclusive } from './canonicalize-exclusive.ts';
import { checkDigest } from './check-digest.ts';
import { checkSignatureByTrustedKey } from './check-signature-by-trusted-key.ts';
import type { SignedInfoFacts } from './check-signed-info.ts';
import { refuse } from './errors.ts';
import { digestHashOf, signatureHashOf } from './hash-names.ts';
import { readInclusivePrefixes } from './read-inclusive-prefixes.ts';
import { readSignatureParts } from './read-signature-parts.ts';

export { loadTrustedKeys } from './load-trusted-keys.ts';

/**
 * Core validation (xmldsig-core §3.2) of one enveloped Signature that check-signed-info has
 * accepted, on the parsed DOM, against the trusted keys only; returns the canonical bytes of the
 * element it signs. The Reference is checked first, as xml-crypto did, so a modified document is
 * reported as such whichever key signed it. KeyInfo is never consulted.
 */
export function verifySignatureValue(
  signature: XmlElement,
  signedElement: XmlElement,
  facts: SignedInfoFacts,
  trustedKeys: readonly KeyObject[],
  label: string,
  allowSha1: boolean,
  maxLength: number,
): string {
  if (trustedKeys.length === 0) {
    throw refuse('ERR_SIGNATURE_INVALID', 'signature-value', `${label} cannot be verified: no RSA signing certificate is trusted`);
  }
  const digestHash = digestHashOf(facts.digestAlgorithm, allowSha1);
  const signatureHash = signatureHashOf(facts.signatureAlgorithm, allowSha1);
  if (digestHash === undefined || signatureHash === undefined || signature.parentNode !== signedElement) {
    // check-signed-info and locate-signatures refuse all of this first; fail rather than trust.
    throw refuse('ERR_SIGNATURE_INVALID', 'signed-info', `${label} Signature was not checked before verification`);
  }
  const parts = readSignatureParts(signature, label);
  const { canonicalSignedInfo, canonicalElement } = canonicalize(signature, signedElement, parts, label, maxLength);
  checkDigest(canonicalElement, digestHash, parts.digestValue, label);
  checkSignatureByTrustedKey(canonicalSignedInfo, signatureHash, parts.signatureValue, trustedKeys, label);
  return canonicalElement;
}

/**
 * SignedInfo with its CanonicalizationMethod (exc-c14n, fixed by check-signed-info,
 * xmldsig-core §4.3.1), and the signed element through the Reference's transforms: the
 * enveloped Signature removed (xmldsig-core §6.6.4), then exc-c14n with its PrefixList.
 */
function canonicalize(signature: XmlElement, signedElement: XmlElement, parts: ReturnType<typeof readSignatureParts>, label: string, maxLength: number) {
  try {
    return {
      canonicalSignedInfo: canonicalizeExclusive(parts.signedInfo, [], undefined, maxLength),
      canonicalElement: canonicalizeExclusive(signedElement, readInclusivePrefixes(parts.lastTransform), signature, maxLength),
    };
  } catch (cause) {
    if (isRolegateError(cause)) throw cause;
    const message = cause instanceof Error ? cause.message : String(cause);
    throw refuse('ERR_SIGNATURE_INVALID', 'signature-value', `${label} signature could not be verified: ${message.split('\n')[0]}`, cause);
  }
}
