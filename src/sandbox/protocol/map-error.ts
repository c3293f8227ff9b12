import type { Logger } from 'pino';
import { isRolegateError } from '../../errors/rolegate-error.ts';
import { AwsServiceError } from '../errors/aws-service-error.ts';

/**
 * Turns anything thrown by a handler into the error AWS would answer. Exposed validation
 * errors keep their message; everything unexpected becomes a generic `InternalFailure`
 * (500) whose details go only to the log, under the request id.
 */
export function mapError(error: unknown, logger: Logger, requestId: string): AwsServiceError {
  if (error instanceof AwsServiceError) {
    if (error.httpStatus >= 500) logger.error({ err: error, requestId }, 'sandbox request failed');
    return error;
  }
  if (isRolegateError(error, 'ERR_VALIDATION') && error.expose) {
    return new AwsServiceError('ValidationError', error.message, 400);
  }
  logger.error({ err: error, requestId }, 'sandbox request failed');
  return new AwsServiceError('InternalFailure', 'We encountered an internal error. Please try again.', 500, 'Receiver');
}

// Names the JSON protocols use for the authentication failures the Query protocols call
// InvalidClientTokenId and so on (awsJson services answer `UnrecognizedClientException`).
const JSON_CODES: Readonly<Record<string, string>> = {
  InvalidClientTokenId: 'UnrecognizedClientException',
  SignatureDoesNotMatch: 'InvalidSignatureException',
  MissingAuthenticationToken: 'MissingAuthenticationTokenException',
  ExpiredToken: 'ExpiredTokenException',
  IncompleteSignature: 'IncompleteSignatureException',
  AccessDenied: 'AccessDeniedException',
  InternalFailure: 'ServiceException',
};

export function jsonErrorCode(code: string): string {
  return JSON_CODES[code] ?? code;
}
