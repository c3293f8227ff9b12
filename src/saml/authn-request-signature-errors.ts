import { RolegateError } from '../errors/rolegate-error.ts';

/** Every refusal of an AuthnRequest signature: ERR_SAML_REQUEST_INVALID, an error page, never a redirect. */
export function refuseAuthnRequestSignature(field: string, message: string, cause?: unknown): RolegateError {
  return new RolegateError('ERR_SAML_REQUEST_INVALID', message, { field, ...(cause === undefined ? {} : { cause }) });
}

/** The one message for a signature that does not verify, whichever key or byte was wrong. */
export function signatureDoesNotVerify(keyCount: number): string {
  return `the AuthnRequest signature does not verify with the application's SP certificate(s) (${keyCount} tried)`;
}
