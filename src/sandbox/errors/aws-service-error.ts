/**
 * An error answered on the AWS wire: a service error code (`NoSuchEntity`), the HTTP status
 * AWS uses for it, and whether the fault is the caller's (`Sender`) or ours (`Receiver`).
 *
 * It is the sandbox's protocol error, the way `SandboxSamlError` is for SAML checks; domain
 * failures from shared modules arrive as `RolegateError` and are mapped in
 * `protocol/map-error.ts`. AWS error codes come only from `sandbox/` (STYLE.md).
 */
export class AwsServiceError extends Error {
  override readonly name = 'AwsServiceError';
  readonly code: string;
  readonly httpStatus: number;
  readonly type: 'Sender' | 'Receiver';

  constructor(code: string, message: string, httpStatus: number, type: 'Sender' | 'Receiver' = 'Sender') {
    super(message);
    this.code = code;
    this.httpStatus = httpStatus;
    this.type = type;
  }
}

export const noSuchEntity = (message: string): AwsServiceError => new AwsServiceError('NoSuchEntity', message, 404);
export const entityAlreadyExists = (message: string): AwsServiceError =>
  new AwsServiceError('EntityAlreadyExists', message, 409);
export const limitExceeded = (message: string): AwsServiceError => new AwsServiceError('LimitExceeded', message, 409);
export const invalidInput = (message: string): AwsServiceError => new AwsServiceError('InvalidInput', message, 400);
export const malformedPolicyDocument = (message: string): AwsServiceError =>
  new AwsServiceError('MalformedPolicyDocument', message, 400);
export const accessDenied = (message: string): AwsServiceError => new AwsServiceError('AccessDenied', message, 403);
export const validationError = (message: string): AwsServiceError =>
  new AwsServiceError('ValidationError', message, 400);
