import type { ParsedAssertion } from '../../saml/read-assertion.ts';
import { SandboxSamlError } from './sandbox-saml-error.ts';

// SPEC §3 "NameID": the formats AWS takes. A missing Format means unspecified (saml-core §8.3.1).
const ACCEPTED_FORMATS = new Set([
  'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent',
  'urn:oasis:names:tc:SAML:2.0:nameid-format:transient',
  'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
  'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified',
]);

/** Subject and NameID must be there (AWS: AccessDenied otherwise) and NameID of a format AWS takes. */
export function checkSubject(assertion: ParsedAssertion): { nameId: string; nameIdFormat: string | undefined } {
  if (!assertion.subject) {
    throw new SandboxSamlError('AccessDenied', 'check-subject', 'The assertion has no Subject');
  }
  const { nameId, nameIdFormat } = assertion.subject;
  if (nameId === undefined || nameId.trim() === '') {
    throw new SandboxSamlError('AccessDenied', 'check-subject', 'The assertion Subject has no NameID');
  }
  if (nameIdFormat !== undefined && !ACCEPTED_FORMATS.has(nameIdFormat)) {
    throw new SandboxSamlError(
      'InvalidIdentityToken',
      'check-name-id-format',
      `NameID Format "${nameIdFormat}" is not accepted: use persistent, transient, emailAddress or unspecified`,
    );
  }
  return { nameId, nameIdFormat };
}
