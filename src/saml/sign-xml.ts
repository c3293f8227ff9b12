import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import { XMLSerializer, type Document, type Element } from '@xmldom/xmldom';
import { SignedXml } from 'xml-crypto';
import { RolegateError } from '../errors/rolegate-error.ts';
import {
  ALG_ENVELOPED_SIGNATURE,
  ALG_EXC_C14N,
  SAML_ASSERTION_NS,
  SAML_PROTOCOL_NS,
  SIGNATURE_ALGORITHMS,
  type SignatureAlgorithmName,
} from './namespaces.ts';

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

// Namespace-qualified without a resolver, because xml-crypto evaluates `location.reference`
// with none.
const RESPONSE_XPATH = `/*[local-name()='Response' and namespace-uri()='${SAML_PROTOCOL_NS}']`;
const ASSERTION_XPATH = `${RESPONSE_XPATH}/*[local-name()='Assertion' and namespace-uri()='${SAML_ASSERTION_NS}']`;
const issuerOf = (xpath: string): string => `${xpath}/*[local-name()='Issuer' and namespace-uri()='${SAML_ASSERTION_NS}']`;

const SCOPES: ReadonlySet<string> = new Set<SigningScope>(['assertion', 'response', 'both']);

/**
 * Signs a built SAML Response (enveloped XML-DSig, exclusive C14N, reference by ID, RSA) and
 * returns the final XML text. The document is serialized once; the returned string is what
 * must be sent, byte for byte (no re-serialising or pretty-printing after this).
 *
 * For 'both' the Assertion is signed first, so the Response signature covers the signed
 * Assertion and either can be verified on its own.
 */
export function signSamlResponse(doc: Document, key: SigningKey, options: SignOptions): string {
  if (!SCOPES.has(options.scope)) throw new TypeError(`unknown signing scope: ${String(options.scope)}`);
  const algorithm = SIGNATURE_ALGORITHMS[options.algorithm];
  if (algorithm === undefined) throw new TypeError(`unknown signature algorithm: ${String(options.algorithm)}`);
  checkShape(doc);
  const privateKey = loadPrivateKey(key.privateKey);
  const certificateBase64 = checkKeyMatchesCertificate(privateKey, key.certificatePem);

  let xml = new XMLSerializer().serializeToString(doc);
  if (options.scope !== 'response') xml = signElement(xml, ASSERTION_XPATH, privateKey, certificateBase64, algorithm);
  if (options.scope !== 'assertion') xml = signElement(xml, RESPONSE_XPATH, privateKey, certificateBase64, algorithm);
  return xml;
}

function signElement(
  xml: string,
  targetXpath: string,
  privateKey: KeyObject,
  certificateBase64: string,
  algorithm: { signature: string; digest: string },
): string {
  const signer = new SignedXml({
    // Listed first so the reference is taken from SAML's `ID`, never an `Id` xml-crypto would add.
    idAttribute: 'ID',
    privateKey,
    signatureAlgorithm: algorithm.signature,
    canonicalizationAlgorithm: ALG_EXC_C14N,
    // xml-crypto's hook returns markup as a string, and its default re-parses the certificate on
    // every call. The one value here is the DER base64 checked once below, whose alphabet
    // ([A-Za-z0-9+/=]) cannot carry markup.
    getKeyInfoContent: (args) => {
      const p = args?.prefix ? `${args.prefix}:` : '';
      return `<${p}X509Data><${p}X509Certificate>${certificateBase64}</${p}X509Certificate></${p}X509Data>`;
    },
  });
  signer.addReference({
    xpath: targetXpath,
    transforms: [ALG_ENVELOPED_SIGNATURE, ALG_EXC_C14N],
    digestAlgorithm: algorithm.digest,
    // No InclusiveNamespaces PrefixList: xml-crypto 6 writes it under every transform, including
    // enveloped-signature, in that transform's namespace, which is not valid XML-DSig.
  });
  // saml-core §5.4.1 / schema: ds:Signature follows the signed element's Issuer.
  signer.computeSignature(xml, { prefix: 'ds', location: { reference: issuerOf(targetXpath), action: 'after' } });
  return signer.getSignedXml();
}

/** The signer relies on the builder's shape; anything else is a programming mistake. */
function checkShape(doc: Document): void {
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
