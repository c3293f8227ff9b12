import { XMLDSIG_NS } from './namespaces.ts';
import { MAX_AUTHN_REQUEST_BYTES } from './parse-authn-request.ts';
import { parseXmlSafely } from './parse-xml-safely.ts';
import { refuseAuthnRequestSignature } from './authn-request-signature-errors.ts';
import { loadAuthnRequestSignatureKeys } from './load-authn-request-signature-keys.ts';
import type { RedirectBindingQuery } from './read-authn-request-signature-query.ts';
import { verifyPostAuthnRequestSignature } from './verify-post-authn-request-signature.ts';
import { verifyRedirectAuthnRequestSignature } from './verify-redirect-authn-request-signature.ts';

export interface AuthnRequestSignaturePolicy {
  /** Refuse a request that carries no signature (the app's `authnRequestsSigned`). */
  required: boolean;
  /** The SP's certificates: the only keys a signature is checked against. */
  certificatesPem: readonly string[];
  /** Accept RSA-SHA1 besides RSA-SHA256. */
  allowSha1: boolean;
}

export interface ReceivedAuthnRequest {
  /** The decoded AuthnRequest XML (inflated for the redirect binding). */
  xml: string;
  /** The redirect binding's query; absent for the POST binding. */
  query?: RedirectBindingQuery;
}

export interface CheckedAuthnRequest {
  /** The XML to read the request from: for an enveloped signature, only the bytes it covers. */
  xml: string;
  /** How the request was authenticated; `none` when it was not signed or the signature was ignored. */
  signature: 'none' | 'redirect-query' | 'enveloped';
}

/**
 * Decides and checks an AuthnRequest's signature. A request may be signed on the redirect
 * binding's query string (saml-bindings §3.4.4.1) or with an enveloped ds:Signature (§3.5.4.1).
 *
 * - No signature: refused when required, else accepted unauthenticated.
 * - A signature when certificates are configured: verified, and refused if it does not
 *   verify, even when not required. A signature that is wrong is an attack or a broken SP,
 *   and saying so early beats an SP that silently runs unauthenticated.
 * - A signature with no certificate configured (so not required): ignored, as before this
 *   setting existed; there is nothing to check it against.
 *
 * An enveloped signature is also accepted on the redirect binding, although §3.4.4.1 has
 * senders remove it: rolegate itself carries a POST-bound request through sign-in that way
 * (routes-sso.ts). The enveloped signature covers the whole request whatever carries it, and
 * RelayState is unsigned on the POST binding anyway, so this accepts nothing more than the
 * POST binding does. A request signed both ways is refused as ambiguous.
 */
export function checkAuthnRequestSignature(received: ReceivedAuthnRequest, policy: AuthnRequestSignaturePolicy): CheckedAuthnRequest {
  const { query } = received;
  const querySigned = query !== undefined && (query.signature !== undefined || query.sigAlg !== undefined);
  const doc = parseXmlSafely(received.xml, { maxLength: MAX_AUTHN_REQUEST_BYTES });
  const envelopedSigned = doc.getElementsByTagNameNS(XMLDSIG_NS, 'Signature').length > 0;

  if (!querySigned && !envelopedSigned) {
    if (policy.required) {
      throw refuseAuthnRequestSignature('Signature', 'the AuthnRequest is not signed, and this application requires signed requests');
    }
    return { xml: received.xml, signature: 'none' };
  }
  if (policy.certificatesPem.length === 0) {
    // Settings refuse `required` without a certificate; should one slip through, fail closed.
    if (policy.required) throw refuseAuthnRequestSignature('Signature', 'this application requires signed requests but has no SP certificate to verify them with');
    return { xml: received.xml, signature: 'none' };
  }
  if (querySigned && envelopedSigned) {
    throw refuseAuthnRequestSignature('Signature', 'the AuthnRequest is signed both on the query string and with a ds:Signature; only one is accepted');
  }
  const keys = loadAuthnRequestSignatureKeys(policy.certificatesPem);
  if (querySigned) {
    verifyRedirectAuthnRequestSignature(query, keys, policy.allowSha1);
    return { xml: received.xml, signature: 'redirect-query' };
  }
  return { xml: verifyPostAuthnRequestSignature(doc, keys, policy.allowSha1, MAX_AUTHN_REQUEST_BYTES), signature: 'enveloped' };
}
