import { randomBytes } from 'node:crypto';

/**
 * A fresh identifier for a SAML message or assertion: 160 random bits, hex, behind a
 * leading underscore because xs:ID must be an NCName and so cannot start with a digit
 * (saml-core §1.3.4 asks for at least 128 bits of randomness).
 */
export function generateSamlId(): string {
  return `_${randomBytes(20).toString('hex')}`;
}
