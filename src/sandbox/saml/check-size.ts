import { SandboxSamlError } from './sandbox-saml-error.ts';

// STS API reference, AssumeRoleWithSAML: SAMLAssertion length 4-100000.
export const SAML_ASSERTION_MIN_LENGTH = 4;
export const SAML_ASSERTION_MAX_LENGTH = 100_000;

export function checkSize(samlResponseBase64: string): void {
  const length = samlResponseBase64.length;
  if (length < SAML_ASSERTION_MIN_LENGTH || length > SAML_ASSERTION_MAX_LENGTH) {
    const bound = length < SAML_ASSERTION_MIN_LENGTH
      ? `greater than or equal to ${SAML_ASSERTION_MIN_LENGTH}`
      : `less than or equal to ${SAML_ASSERTION_MAX_LENGTH}`;
    throw new SandboxSamlError(
      'ValidationError',
      'check-size',
      `1 validation error detected: Value at 'SAMLAssertion' failed to satisfy constraint: Member must have length ${bound} (it has ${length} characters)`,
    );
  }
}
