import { createHash, sign, type KeyObject } from 'node:crypto';
import type { Element } from '@xmldom/xmldom';
import { ExclusiveCanonicalization } from 'xml-crypto';
import {
  ALG_ENVELOPED_SIGNATURE,
  ALG_EXC_C14N,
  ALG_RSA_SHA1,
  ALG_RSA_SHA256,
  ALG_SHA1,
  ALG_SHA256,
  XMLDSIG_NS,
  XMLNS_NS,
} from './namespaces.ts';

export interface EnvelopedSigner {
  privateKey: KeyObject;
  /** The signing certificate's DER as base64, for KeyInfo. */
  certificateBase64: string;
  /** One entry of SIGNATURE_ALGORITHMS. */
  algorithm: { readonly signature: string; readonly digest: string };
}

// Node's names for the hashes behind the allow-listed algorithm URIs.
const DIGEST_HASHES: Readonly<Record<string, string>> = Object.freeze({ [ALG_SHA256]: 'sha256', [ALG_SHA1]: 'sha1' });
const SIGNATURE_HASHES: Readonly<Record<string, string>> = Object.freeze({ [ALG_RSA_SHA256]: 'sha256', [ALG_RSA_SHA1]: 'sha1' });

// xml-crypto's own exclusive C14N (no comments, no InclusiveNamespaces); it keeps no state between calls.
const excC14n = new ExclusiveCanonicalization();

/**
 * Signs `target` in place: computes the enveloped reference digest over its exclusive C14N,
 * inserts a ds:Signature right after `after` (its Issuer, saml-core §5.4.1), and signs the
 * canonical SignedInfo with RSA PKCS#1 v1.5. Returns the inserted ds:Signature.
 *
 * This is what xml-crypto's computeSignature does, on the live DOM instead of a re-parsed copy,
 * so the tree must serialize to text that parses back to the same canonical form
 * (prepareTreeForSigning guarantees that for the whole document).
 */
export function signEnvelopedElement(target: Element, after: Element, signer: EnvelopedSigner): Element {
  const digestHash = DIGEST_HASHES[signer.algorithm.digest];
  const signatureHash = SIGNATURE_HASHES[signer.algorithm.signature];
  if (digestHash === undefined || signatureHash === undefined) throw new TypeError('unsupported signature algorithm');
  const id = target.getAttribute('ID');
  if (!id) throw new TypeError(`${target.localName} has no ID to reference`);
  if (after.parentNode !== target) throw new TypeError('the signature must be placed inside the signed element');

  // xmldsig-core §6.6.4: the enveloped-signature transform removes only the Signature that holds
  // it, and that one is not in the tree yet, so the transform's output is the element as it
  // stands. For the Response this includes the Assertion's signature when that was made first.
  const digestValue = createHash(digestHash).update(canonicalize(target), 'utf8').digest('base64');

  const doc = target.ownerDocument;
  if (!doc) throw new TypeError('the signed element must belong to a document');
  const ds = (localName: string, parent?: Element, algorithm?: string): Element => {
    const el = doc.createElementNS(XMLDSIG_NS, `ds:${localName}`);
    if (algorithm !== undefined) el.setAttribute('Algorithm', algorithm);
    parent?.appendChild(el);
    return el;
  };
  const signature = ds('Signature');
  signature.setAttributeNS(XMLNS_NS, 'xmlns:ds', XMLDSIG_NS);
  // xmldsig-core §4.4
  const signedInfo = ds('SignedInfo', signature);
  ds('CanonicalizationMethod', signedInfo, ALG_EXC_C14N);
  ds('SignatureMethod', signedInfo, signer.algorithm.signature);
  const reference = ds('Reference', signedInfo);
  reference.setAttribute('URI', `#${id}`);
  const transforms = ds('Transforms', reference);
  ds('Transform', transforms, ALG_ENVELOPED_SIGNATURE);
  ds('Transform', transforms, ALG_EXC_C14N);
  ds('DigestMethod', reference, signer.algorithm.digest);
  ds('DigestValue', reference).appendChild(doc.createTextNode(digestValue));
  const signatureValue = ds('SignatureValue', signature);
  const x509 = ds('X509Certificate', ds('X509Data', ds('KeyInfo', signature)));
  x509.appendChild(doc.createTextNode(signer.certificateBase64));

  target.insertBefore(signature, after.nextSibling);
  // SignedInfo is canonicalized where it sits, as a verifier will (xmldsig-core §3.1.2); exclusive
  // C14N renders only the namespaces it visibly uses (xml-exc-c14n §3), so that is ds alone.
  const signedInfoBytes = Buffer.from(canonicalize(signedInfo), 'utf8');
  signatureValue.appendChild(doc.createTextNode(sign(signatureHash, signedInfoBytes, signer.privateKey).toString('base64')));
  return signature;
}

/** Exclusive C14N without comments of `el` as an apex, exactly as xml-crypto computes it. */
export function canonicalize(el: Element): string {
  // xml-crypto types its input as the global DOM Element, which @xmldom/xmldom implements.
  return excC14n.process(el as unknown as Parameters<ExclusiveCanonicalization['process']>[0], {});
}
