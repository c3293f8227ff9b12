/**
 * The one error class of rolegate. Codes form a closed union so that every caller can
 * switch on them exhaustively; `expose` says whether `message` may be shown to the
 * client (an unexposed error answers with a generic message and a request id).
 *
 * This module imports nothing and may be imported from every layer (docs/architecture.md).
 */
export type ErrorCode =
  // caller input
  | 'ERR_VALIDATION'
  | 'ERR_NOT_FOUND'
  | 'ERR_CONFLICT'
  | 'ERR_PAYLOAD_TOO_LARGE'
  // authentication and authorisation
  | 'ERR_UNAUTHENTICATED'
  | 'ERR_INVALID_CREDENTIALS'
  | 'ERR_FORBIDDEN'
  | 'ERR_CSRF'
  | 'ERR_USER_DISABLED'
  | 'ERR_APP_DISABLED'
  | 'ERR_NOT_ASSIGNED'
  // SAML and XML
  | 'ERR_XML_UNSAFE'
  | 'ERR_XML_MALFORMED'
  | 'ERR_XML_TOO_LARGE'
  | 'ERR_SAML_REQUEST_INVALID'
  | 'ERR_SAML_RESPONSE_INVALID'
  | 'ERR_SIGNATURE_INVALID'
  | 'ERR_CLAIM_INVALID'
  | 'ERR_METADATA_INVALID'
  // infrastructure
  | 'ERR_CRYPTO'
  | 'ERR_CONFIG'
  | 'ERR_STORE'
  | 'ERR_INTERNAL';

export interface RolegateErrorOptions {
  cause?: unknown;
  /** Whether the message is safe to show to the caller. Defaults to true. */
  expose?: boolean;
  /** The input field the error is about, when there is one (for example `replyUrls[1]`). */
  field?: string;
  /** Extra machine-readable facts for logs and diagnostics; never secrets. */
  details?: Record<string, unknown>;
}

export class RolegateError extends Error {
  override readonly name = 'RolegateError';
  readonly code: ErrorCode;
  readonly expose: boolean;
  readonly field: string | undefined;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, options: RolegateErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.expose = options.expose ?? true;
    this.field = options.field;
    this.details = options.details;
  }
}

export function isRolegateError(value: unknown, code?: ErrorCode): value is RolegateError {
  return value instanceof RolegateError && (code === undefined || value.code === code);
}
