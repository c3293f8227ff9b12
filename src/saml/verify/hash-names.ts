import { ALG_RSA_SHA1, ALG_RSA_SHA256, ALG_SHA1, ALG_SHA256 } from '../namespaces.ts';
import { acceptedDigestAlgorithms, acceptedSignatureAlgorithms } from './algorithms.ts';

// Node's hash names for the algorithm URIs of algorithms.ts (xmldsig-core §6.2, RFC 6931 §2.1.3, §2.3.2).
const DIGEST_HASHES: ReadonlyMap<string, string> = new Map([[ALG_SHA256, 'sha256'], [ALG_SHA1, 'sha1']]);
const SIGNATURE_HASHES: ReadonlyMap<string, string> = new Map([[ALG_RSA_SHA256, 'sha256'], [ALG_RSA_SHA1, 'sha1']]);

/** The hash of an allow-listed DigestMethod, or undefined: never a name taken from the input. */
export function digestHashOf(algorithm: string, allowSha1: boolean): string | undefined {
  return acceptedDigestAlgorithms(allowSha1).includes(algorithm) ? DIGEST_HASHES.get(algorithm) : undefined;
}

/** The hash of an allow-listed RSA SignatureMethod (PKCS#1 v1.5), or undefined. */
export function signatureHashOf(algorithm: string, allowSha1: boolean): string | undefined {
  return acceptedSignatureAlgorithms(allowSha1).includes(algorithm) ? SIGNATURE_HASHES.get(algorithm) : undefined;
}
