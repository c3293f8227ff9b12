/** AWS error codes a SAML refusal can carry (STS API reference, AssumeRoleWithSAML "Errors"). */
export type SandboxSamlErrorCode =
  | 'InvalidIdentityToken'
  | 'IDPRejectedClaim'
  | 'ExpiredTokenException'
  | 'MalformedPolicyDocument'
  | 'PackedPolicyTooLarge'
  | 'AccessDenied'
  | 'ValidationError';

// SPEC §3 error table.
const HTTP_STATUS: Readonly<Record<SandboxSamlErrorCode, number>> = {
  InvalidIdentityToken: 400,
  IDPRejectedClaim: 403,
  ExpiredTokenException: 400,
  MalformedPolicyDocument: 400,
  PackedPolicyTooLarge: 400,
  AccessDenied: 403,
  ValidationError: 400,
};

/**
 * A SAML response or role request the sandbox refuses, as AWS would, plus the name of the
 * exact check that refused it (`check-audience`), which AWS itself never says.
 */
export class SandboxSamlError extends Error {
  override readonly name = 'SandboxSamlError';
  readonly code: SandboxSamlErrorCode;
  readonly httpStatus: number;
  readonly check: string;

  constructor(code: SandboxSamlErrorCode, check: string, message: string, options: { cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.httpStatus = HTTP_STATUS[code];
    this.check = check;
  }
}
