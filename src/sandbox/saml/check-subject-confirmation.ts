import type { ParsedAssertion, ParsedSubjectConfirmation } from '../../saml/read-assertion.ts';
import { SandboxSamlError } from './sandbox-saml-error.ts';
import { matchesSignInEndpoint } from './validation-options.ts';

const BEARER = 'urn:oasis:names:tc:SAML:2.0:cm:bearer';

/**
 * Exactly one bearer SubjectConfirmation whose data has a Recipient that is a sign-in
 * endpoint and a NotOnOrAfter (SPEC §3; saml-profiles §4.1.4.2, which also forbids NotBefore).
 * The time itself is judged by check-time-window.
 */
export function checkSubjectConfirmation(
  assertion: ParsedAssertion,
  signInEndpoints: readonly string[],
): ParsedSubjectConfirmation & { recipient: string; notOnOrAfter: string } {
  const confirmations = assertion.subject?.confirmations ?? [];
  const fail = (message: string) => new SandboxSamlError('InvalidIdentityToken', 'check-subject-confirmation', message);
  if (confirmations.length !== 1) throw fail(`The Subject must have exactly one SubjectConfirmation, found ${confirmations.length}`);
  const confirmation = confirmations[0] as ParsedSubjectConfirmation;
  if (confirmation.method !== BEARER) throw fail(`SubjectConfirmation Method "${confirmation.method}" is not accepted: expected "${BEARER}"`);
  if (confirmation.notBefore !== undefined) throw fail('A bearer SubjectConfirmationData must not have NotBefore');
  if (confirmation.notOnOrAfter === undefined) throw fail('SubjectConfirmationData has no NotOnOrAfter');
  const recipient = confirmation.recipient;
  if (recipient === undefined) throw fail('SubjectConfirmationData has no Recipient');
  if (!matchesSignInEndpoint(recipient, signInEndpoints)) {
    throw new SandboxSamlError(
      'InvalidIdentityToken',
      'check-recipient',
      `Recipient "${recipient}" is not a sign-in endpoint: expected one of ${signInEndpoints.map((e) => `"${e}"`).join(', ')}`,
    );
  }
  return { ...confirmation, recipient, notOnOrAfter: confirmation.notOnOrAfter };
}
