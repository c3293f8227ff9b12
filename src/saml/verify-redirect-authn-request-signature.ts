import { constants, verify, type KeyObject } from 'node:crypto';
import { acceptedAuthnRequestSignatureAlgorithms, authnRequestSignatureHashOf } from './authn-request-signature-algorithms.ts';
import { refuseAuthnRequestSignature as invalid, signatureDoesNotVerify } from './authn-request-signature-errors.ts';
import type { RedirectBindingQuery } from './read-authn-request-signature-query.ts';

// RSA signatures are as long as the modulus; 16384-bit keys give 2048 bytes, 2732 in base64.
const MAX_SIGNATURE_BASE64 = 4096;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * HTTP-Redirect binding signature (saml-bindings §3.4.4.1): Signature is an RSA PKCS#1 v1.5
 * signature, with the hash SigAlg names, over `signedOctets` (the values as received). Only
 * the trusted keys are tried. Returns the SigAlg URI that verified.
 */
export function verifyRedirectAuthnRequestSignature(
  query: RedirectBindingQuery,
  trustedKeys: readonly KeyObject[],
  allowSha1: boolean,
): string {
  if (query.sigAlg === undefined) throw invalid('SigAlg', 'the request has a Signature parameter but no SigAlg');
  if (query.signature === undefined) throw invalid('Signature', 'the request has a SigAlg parameter but no Signature');
  const hash = authnRequestSignatureHashOf(query.sigAlg, allowSha1);
  if (hash === undefined) {
    throw invalid(
      'SigAlg',
      `SigAlg ${JSON.stringify(query.sigAlg.slice(0, 100))} is not accepted; accepted: ${acceptedAuthnRequestSignatureAlgorithms(allowSha1).join(', ')}`,
    );
  }
  const signature = decodeSignature(query.signature);
  const data = Buffer.from(query.signedOctets, 'utf8');
  for (const key of trustedKeys) {
    if (verify(hash, data, { key, padding: constants.RSA_PKCS1_PADDING }, signature)) return query.sigAlg;
  }
  throw invalid('Signature', signatureDoesNotVerify(trustedKeys.length));
}

function decodeSignature(text: string): Buffer {
  // Some SPs wrap base64; line breaks are the only thing tolerated.
  const compact = text.replace(/\r?\n/g, '');
  if (compact.length === 0 || compact.length > MAX_SIGNATURE_BASE64 || compact.length % 4 !== 0 || !BASE64.test(compact)) {
    throw invalid('Signature', 'the Signature parameter is not valid base64');
  }
  return Buffer.from(compact, 'base64');
}
