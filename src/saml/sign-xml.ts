import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import { XMLSerializer, type Document, type Element } from '@xmldom/xmldom';
import { RolegateError } from '../errors/rolegate-error.ts';
import { SAML_ASSERTION_NS, SAML_PROTOCOL_NS, SIGNATURE_ALGORITHMS, type SignatureAlgorithmName } from './namespaces.ts';
import { signEnvelopedElement, type EnvelopedSigner } from './sign-enveloped-element.ts';
import { prepareTreeForSigning } from './sign-prepare-tree.ts';

export interface SigningKey {
  /** Prefer a KeyObject parsed once at start-up; a PEM string is parsed on every call. */
  privateKey: KeyObject | string;
  certificatePem: string;
}

export type SigningScope = 'assertion' | 'response' | 'both';

export interface SignOptions {
  scope: SigningScope;
  algorithm: SignatureAlgorithmName;
}

const SCOPES: ReadonlySet<string> = new Set<SigningScope>(['assertion', 'response', 'both']);

/**
 * Signs a built SAML Response (enveloped XML-DSig, exclusive C14N, reference by ID, RSA) and
 * returns the final XML text. The document is serialized once; the returned string is what
 * must be sent, byte for byte (no re-serialising or pretty-printing after this).
 *
 * For 'both' the Assertion is signed first, so the Response signature covers the signed
 * Assertion and either can be verified on its own.
 *
 * The signatures are computed on `doc` itself, with xml-crypto's exclusive C14N, rather than
 * by xml-crypto's computeSignature, which re-parses the text and evaluates XPath for every
 * signature. `doc` is left as it came, except that empty text nodes are dropped.
 */
export function signSamlResponse(doc: Document, key: SigningKey, options: SignOptions): string {
  if (!SCOPES.has(options.scope)) throw new TypeError(`unknown signing scope: ${String(options.scope)}`);
  const algorithm = SIGNATURE_ALGORITHMS[options.algorithm];
  if (algorithm === undefined) throw new TypeError(`unknown signature algorithm: ${String(options.algorithm)}`);
  const { response, assertion } = checkShape(doc);
  const privateKey = loadPrivateKey(key.privateKey);
  const signer: EnvelopedSigner = {
    privateKey,
    certificateBase64: checkKeyMatchesCertificate(privateKey, key.certificatePem),
    algorithm,
  };
  prepareTreeForSigning(response);

  const inserted: Element[] = [];
  try {
    // checkShape made sure each starts with its Issuer.
    if (options.scope !== 'response') inserted.push(signEnvelopedElement(assertion, childElements(assertion)[0]!, signer));
    if (options.scope !== 'assertion') inserted.push(signEnvelopedElement(response, childElements(response)[0]!, signer));
    return new XMLSerializer().serializeToString(doc);
  } finally {
    // The signatures live in the returned text only; signing the same document again starts afresh.
    for (const signature of inserted) signature.parentNode?.removeChild(signature);
  }
}

/** The signer relies on the builder's shape; anything else is a programming mistake. */
function checkShape(doc: Document): { response: Element; assertion: Element } {
  const response = doc.documentElement;
  if (!response || response.namespaceURI !== SAML_PROTOCOL_NS || response.localName !== 'Response') {
    throw new TypeError('signSamlResponse expects a samlp:Response document');
  }
  const assertions = childElements(response).filter(
    (el) => el.namespaceURI === SAML_ASSERTION_NS && el.localName === 'Assertion',
  );
  if (assertions.length !== 1) throw new TypeError('signSamlResponse expects exactly one saml:Assertion');
  for (const el of [response, assertions[0]!]) {
    if (!el.getAttribute('ID')) throw new TypeError(`${el.localName} has no ID to reference`);
    const first = childElements(el)[0];
    if (first?.namespaceURI !== SAML_ASSERTION_NS || first.localName !== 'Issuer') {
      throw new TypeError(`${el.localName} must start with saml:Issuer`);
    }
  }
  return { response, assertion: assertions[0]! };
}

function childElements(el: Element): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === n.ELEMENT_NODE) out.push(n as Element);
  return out;
}

function loadPrivateKey(privateKey: KeyObject | string): KeyObject {
  let keyObject: KeyObject;
  if (typeof privateKey === 'string') {
    try {
      keyObject = createPrivateKey(privateKey);
    } catch (cause) {
      // The message never carries key material.
      throw new RolegateError('ERR_CRYPTO', 'signing key is not a readable private key PEM', { cause, expose: false });
    }
  } else {
    keyObject = privateKey;
  }
  if (keyObject.type !== 'private' || keyObject.asymmetricKeyType !== 'rsa') {
    throw new TypeError('signing key must be an RSA private key');
  }
  return keyObject;
}

// A key and certificate that do not match produce signatures nobody can verify, and the SP's
// error would not say why. Checked once per KeyObject and certificate, not on every response.
const matchedCertificates = new WeakMap<KeyObject, { pem: string; base64: string }>();

/** Returns the certificate's DER as base64, for KeyInfo. */
function checkKeyMatchesCertificate(privateKey: KeyObject, certificatePem: string): string {
  const known = matchedCertificates.get(privateKey);
  if (known?.pem === certificatePem) return known.base64;
  if (typeof certificatePem !== 'string' || (certificatePem.match(/-----BEGIN CERTIFICATE-----/g)?.length ?? 0) !== 1) {
    throw new RolegateError('ERR_CRYPTO', 'signing certificate must be exactly one PEM certificate', { expose: false });
  }
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(certificatePem);
  } catch (cause) {
    throw new RolegateError('ERR_CRYPTO', 'signing certificate is not a readable X.509 PEM', { cause, expose: false });
  }
  if (!certificate.checkPrivateKey(privateKey)) {
    throw new RolegateError('ERR_CRYPTO', 'signing certificate does not belong to the signing key', { expose: false });
  }
  const base64 = certificate.raw.toString('base64');
  matchedCertificates.set(privateKey, { pem: certificatePem, base64 });
  return base64;
}
