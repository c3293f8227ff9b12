import { constants, sign } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';
import { SignedXml } from 'xml-crypto';
import type { TestSigningKey } from './create-test-certificate.ts';

export const RSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';
export const RSA_SHA1 = 'http://www.w3.org/2000/09/xmldsig#rsa-sha1';
const SHA256 = 'http://www.w3.org/2001/04/xmlenc#sha256';
const SHA1 = 'http://www.w3.org/2000/09/xmldsig#sha1';
const EXC_C14N = 'http://www.w3.org/2001/10/xml-exc-c14n#';
const ENVELOPED = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';

export interface TestAuthnRequestOptions {
  id?: string;
  issuer: string;
  acs?: string;
  destination?: string;
  issueInstant?: string;
}

/** An AuthnRequest as an SP writes it: a string, as the SP's own library would emit it. */
export function buildTestAuthnRequest(options: TestAuthnRequestOptions): string {
  return (
    `<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ` +
    `ID="${options.id ?? '_req1'}" Version="2.0" IssueInstant="${options.issueInstant ?? new Date().toISOString()}"` +
    (options.destination ? ` Destination="${options.destination}"` : '') +
    (options.acs ? ` AssertionConsumerServiceURL="${options.acs}"` : '') +
    ` ProtocolBinding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST">` +
    `<saml:Issuer>${options.issuer}</saml:Issuer><samlp:NameIDPolicy AllowCreate="true"/></samlp:AuthnRequest>`
  );
}

/**
 * HTTP-POST binding signature, with xml-crypto used directly (independent of rolegate's
 * signer): an enveloped ds:Signature after Issuer, exclusive C14N. KeyInfo carries the
 * certificate unless told otherwise, as SPs do.
 */
export function signTestAuthnRequestXml(xml: string, key: TestSigningKey, options: { sha1?: boolean; keyInfo?: boolean } = {}): string {
  const signer = new SignedXml({
    privateKey: key.privateKeyPem,
    publicCert: key.certificatePem,
    signatureAlgorithm: options.sha1 ? RSA_SHA1 : RSA_SHA256,
    canonicalizationAlgorithm: EXC_C14N,
    ...(options.keyInfo === false ? { getKeyInfoContent: () => null } : {}),
  });
  const target = "/*[local-name(.)='AuthnRequest' and namespace-uri(.)='urn:oasis:names:tc:SAML:2.0:protocol']";
  signer.addReference({ xpath: target, transforms: [ENVELOPED, EXC_C14N], digestAlgorithm: options.sha1 ? SHA1 : SHA256 });
  signer.computeSignature(xml, { prefix: 'ds', location: { reference: `${target}/*[local-name(.)='Issuer']`, action: 'after' } });
  return signer.getSignedXml();
}

/** base64 of the raw DEFLATE of the XML: the redirect binding's SAMLRequest value before URL-encoding. */
export function deflateForRedirect(xml: string): string {
  return deflateRawSync(Buffer.from(xml, 'utf8')).toString('base64');
}

/**
 * HTTP-Redirect binding query (saml-bindings §3.4.4.1), computed here byte by byte: the
 * signature covers `SAMLRequest=…&RelayState=…&SigAlg=…` with the URL-encoded values.
 * `encode` lets a test choose an SP's own (valid) percent-encoding, e.g. lower-case hex.
 */
export function signTestRedirectQuery(
  xml: string,
  key: TestSigningKey,
  options: { relayState?: string; sigAlg?: string; encode?: (value: string) => string } = {},
): string {
  const encode = options.encode ?? encodeURIComponent;
  const sigAlg = options.sigAlg ?? RSA_SHA256;
  const parts = [`SAMLRequest=${encode(deflateForRedirect(xml))}`];
  if (options.relayState !== undefined) parts.push(`RelayState=${encode(options.relayState)}`);
  parts.push(`SigAlg=${encode(sigAlg)}`);
  const signed = parts.join('&');
  const hash = sigAlg === RSA_SHA1 ? 'sha1' : 'sha256';
  const signature = sign(hash, Buffer.from(signed, 'utf8'), { key: key.privateKeyPem, padding: constants.RSA_PKCS1_PADDING });
  return `${signed}&Signature=${encode(signature.toString('base64'))}`;
}
