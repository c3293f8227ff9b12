import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorCode } from '../errors/rolegate-error.ts';

/** The one place where error codes become HTTP statuses (STYLE: only server/ does this). */
export const HTTP_STATUS: Record<ErrorCode, ContentfulStatusCode> = {
  ERR_VALIDATION: 400,
  ERR_NOT_FOUND: 404,
  ERR_CONFLICT: 409,
  ERR_PAYLOAD_TOO_LARGE: 413,
  ERR_UNAUTHENTICATED: 401,
  ERR_INVALID_CREDENTIALS: 401,
  ERR_FORBIDDEN: 403,
  ERR_CSRF: 403,
  ERR_USER_DISABLED: 403,
  ERR_APP_DISABLED: 403,
  ERR_NOT_ASSIGNED: 403,
  ERR_XML_UNSAFE: 400,
  ERR_XML_MALFORMED: 400,
  ERR_XML_TOO_LARGE: 413,
  ERR_SAML_REQUEST_INVALID: 400,
  ERR_SAML_RESPONSE_INVALID: 400,
  ERR_SIGNATURE_INVALID: 400,
  ERR_CLAIM_INVALID: 422,
  ERR_METADATA_INVALID: 400,
  ERR_CRYPTO: 500,
  ERR_CONFIG: 500,
  ERR_STORE: 500,
  ERR_INTERNAL: 500,
};
