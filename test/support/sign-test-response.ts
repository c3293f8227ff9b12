import { SignedXml } from 'xml-crypto';
import type { TestSigningKey } from './create-test-certificate.ts';

const EXC_C14N = 'http://www.w3.org/2001/10/xml-exc-c14n#';
const ENVELOPED = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';
const ALGORITHMS = {
  sha256: { signature: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256', digest: 'http://www.w3.org/2001/04/xmlenc#sha256' },
  sha1: { signature: 'http://www.w3.org/2000/09/xmldsig#rsa-sha1', digest: 'http://www.w3.org/2000/09/xmldsig#sha1' },
} as const;

export interface TestSignOptions {
  key: TestSigningKey;
  /** Which elements get an enveloped signature. */
  sign: 'assertion' | 'response' | 'both';
  algorithm?: 'sha256' | 'sha1';
  /** Put the certificate in KeyInfo (default true, as IdPs do). */
  keyInfo?: boolean;
}

/**
 * Test-only signer, deliberately independent of src/saml/sign-xml.ts: xml-crypto used
 * directly, so that a bug in the IdP's signer cannot hide the same bug in the verifier.
 */
export function signTestResponse(xml: string, options: TestSignOptions): string {
  let signed = xml;
  if (options.sign === 'assertion' || options.sign === 'both') signed = signOne(signed, 'Assertion', options);
  if (options.sign === 'response' || options.sign === 'both') signed = signOne(signed, 'Response', options);
  return signed;
}

function signOne(xml: string, element: 'Assertion' | 'Response', options: TestSignOptions): string {
  const algorithm = ALGORITHMS[options.algorithm ?? 'sha256'];
  const signer = new SignedXml({
    privateKey: options.key.privateKeyPem,
    publicCert: options.key.certificatePem,
    signatureAlgorithm: algorithm.signature,
    canonicalizationAlgorithm: EXC_C14N,
    ...(options.keyInfo === false ? { getKeyInfoContent: () => null } : {}),
  });
  const target = element === 'Assertion'
    ? "//*[local-name(.)='Assertion' and namespace-uri(.)='urn:oasis:names:tc:SAML:2.0:assertion']"
    : "/*[local-name(.)='Response' and namespace-uri(.)='urn:oasis:names:tc:SAML:2.0:protocol']";
  signer.addReference({ xpath: target, transforms: [ENVELOPED, EXC_C14N], digestAlgorithm: algorithm.digest });
  signer.computeSignature(xml, {
    prefix: 'ds',
    location: { reference: `${target}/*[local-name(.)='Issuer']`, action: 'after' },
  });
  return signer.getSignedXml();
}
