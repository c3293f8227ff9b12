/**
 * Fixed SAML 2.0 and XML-DSig identifiers. These are allow-list constants: nothing in
 * rolegate builds an algorithm or namespace URI from input.
 */

// saml-core §1.2
export const SAML_PROTOCOL_NS = 'urn:oasis:names:tc:SAML:2.0:protocol';
export const SAML_ASSERTION_NS = 'urn:oasis:names:tc:SAML:2.0:assertion';
// saml-metadata §2.1
export const SAML_METADATA_NS = 'urn:oasis:names:tc:SAML:2.0:metadata';
export const XMLDSIG_NS = 'http://www.w3.org/2000/09/xmldsig#';
export const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';
export const XS_NS = 'http://www.w3.org/2001/XMLSchema';
export const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

export const SAML_VERSION = '2.0';

export type NameIdFormatName = 'persistent' | 'transient' | 'emailAddress' | 'unspecified';

// saml-core §8.3
export const NAMEID_FORMATS: Readonly<Record<NameIdFormatName, string>> = Object.freeze({
  persistent: 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent',
  transient: 'urn:oasis:names:tc:SAML:2.0:nameid-format:transient',
  emailAddress: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
  unspecified: 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified',
});

// saml-core §8.2
export const ATTRNAME_FORMAT_URI = 'urn:oasis:names:tc:SAML:2.0:attrname-format:uri';
export const ATTRNAME_FORMAT_BASIC = 'urn:oasis:names:tc:SAML:2.0:attrname-format:basic';
export const ATTRNAME_FORMAT_UNSPECIFIED = 'urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified';

// saml-bindings §3.4.1, §3.5.1
export const BINDING_HTTP_REDIRECT = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';
export const BINDING_HTTP_POST = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST';

// saml-profiles §3.3
export const SUBJECT_CONFIRMATION_BEARER = 'urn:oasis:names:tc:SAML:2.0:cm:bearer';

// saml-authn-context §3.4.3
export const AUTHN_CONTEXT_PASSWORD_PROTECTED_TRANSPORT =
  'urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport';

// saml-core §3.2.2.2
export const STATUS_SUCCESS = 'urn:oasis:names:tc:SAML:2.0:status:Success';
export const STATUS_REQUESTER = 'urn:oasis:names:tc:SAML:2.0:status:Requester';
export const STATUS_RESPONDER = 'urn:oasis:names:tc:SAML:2.0:status:Responder';
export const STATUS_VERSION_MISMATCH = 'urn:oasis:names:tc:SAML:2.0:status:VersionMismatch';
export const STATUS_AUTHN_FAILED = 'urn:oasis:names:tc:SAML:2.0:status:AuthnFailed';
export const STATUS_NO_PASSIVE = 'urn:oasis:names:tc:SAML:2.0:status:NoPassive';
export const STATUS_REQUEST_DENIED = 'urn:oasis:names:tc:SAML:2.0:status:RequestDenied';
export const STATUS_INVALID_NAMEID_POLICY = 'urn:oasis:names:tc:SAML:2.0:status:InvalidNameIDPolicy';

// xml-exc-c14n §3; xmldsig-core §6.6.4; RFC 6931 §2.3.2; xmldsig-core §6.4.2, §6.2
export const ALG_EXC_C14N = 'http://www.w3.org/2001/10/xml-exc-c14n#';
export const ALG_ENVELOPED_SIGNATURE = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';
export const ALG_RSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';
export const ALG_RSA_SHA1 = 'http://www.w3.org/2000/09/xmldsig#rsa-sha1';
export const ALG_SHA256 = 'http://www.w3.org/2001/04/xmlenc#sha256';
export const ALG_SHA1 = 'http://www.w3.org/2000/09/xmldsig#sha1';

export type SignatureAlgorithmName = 'rsa-sha256' | 'rsa-sha1';

/** Signature and matching digest algorithm for each supported choice. */
export const SIGNATURE_ALGORITHMS: Readonly<
  Record<SignatureAlgorithmName, { readonly signature: string; readonly digest: string }>
> = Object.freeze({
  'rsa-sha256': Object.freeze({ signature: ALG_RSA_SHA256, digest: ALG_SHA256 }),
  'rsa-sha1': Object.freeze({ signature: ALG_RSA_SHA1, digest: ALG_SHA1 }),
});
