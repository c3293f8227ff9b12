import { NAMEID_FORMATS, type NameIdFormatName } from './namespaces.ts';

/**
 * Whether a response whose NameID has `sentFormat` answers an AuthnRequest's
 * NameIDPolicy/@Format (saml-core §3.4.1.1): no Format, or unspecified, lets the IdP choose;
 * any other Format must be the one sent (encrypted identifiers are not supported).
 */
export function satisfiesNameIdPolicy(requestedFormat: string | undefined, sentFormat: NameIdFormatName): boolean {
  if (requestedFormat === undefined || requestedFormat === NAMEID_FORMATS.unspecified) return true;
  return requestedFormat === NAMEID_FORMATS[sentFormat];
}
