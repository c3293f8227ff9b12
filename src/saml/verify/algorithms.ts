import {
  ALG_ENVELOPED_SIGNATURE,
  ALG_EXC_C14N,
  ALG_RSA_SHA1,
  ALG_RSA_SHA256,
  ALG_SHA1,
  ALG_SHA256,
} from '../namespaces.ts';

/**
 * What the verifier accepts. Fixed constants: exclusive C14N without comments only (a
 * `#WithComments` variant would let comments change what is signed), the enveloped
 * signature transform, RSA with SHA-256, and SHA-1 only when the caller opts in.
 */
export const ACCEPTED_CANONICALIZATION = ALG_EXC_C14N;

/** saml-core §5.4.4: enveloped-signature, then exclusive C14N; nothing else. */
export const ACCEPTED_TRANSFORMS: readonly string[] = Object.freeze([ALG_ENVELOPED_SIGNATURE, ALG_EXC_C14N]);

export function acceptedSignatureAlgorithms(allowSha1: boolean): readonly string[] {
  return allowSha1 ? [ALG_RSA_SHA256, ALG_RSA_SHA1] : [ALG_RSA_SHA256];
}

export function acceptedDigestAlgorithms(allowSha1: boolean): readonly string[] {
  return allowSha1 ? [ALG_SHA256, ALG_SHA1] : [ALG_SHA256];
}
