import { ALG_RSA_SHA1, ALG_RSA_SHA256 } from './namespaces.ts';
import { acceptedSignatureAlgorithms } from './verify/algorithms.ts';

/**
 * What an SP may sign an AuthnRequest with: the verifier's own allow-list (RSA-SHA256, and
 * RSA-SHA1 only when the caller opts in), so both bindings accept exactly the same set.
 */
export function acceptedAuthnRequestSignatureAlgorithms(allowSha1: boolean): readonly string[] {
  return acceptedSignatureAlgorithms(allowSha1);
}

// Node's hash names for the accepted URIs (RFC 6931 §2.3.2, xmldsig-core §6.4.2): RSA PKCS#1 v1.5.
const HASHES: ReadonlyMap<string, string> = new Map([[ALG_RSA_SHA256, 'sha256'], [ALG_RSA_SHA1, 'sha1']]);

/** The hash for an allow-listed SigAlg URI, or undefined: never a name taken from the input. */
export function authnRequestSignatureHashOf(sigAlg: string, allowSha1: boolean): string | undefined {
  return acceptedAuthnRequestSignatureAlgorithms(allowSha1).includes(sigAlg) ? HASHES.get(sigAlg) : undefined;
}
