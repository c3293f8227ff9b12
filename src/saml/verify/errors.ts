import { RolegateError, type ErrorCode } from '../../errors/rolegate-error.ts';

/** Name of the verification step that refused, carried in `details.check`. */
export type VerifyCheck =
  | 'response-root'
  | 'unique-ids'
  | 'single-assertion'
  | 'signature-placement'
  | 'signed-info'
  | 'signature-digest'
  | 'signature-value'
  | 'signed-element';

export function refuse(code: ErrorCode, check: VerifyCheck, message: string, cause?: unknown): RolegateError {
  return new RolegateError(code, message, { details: { check }, ...(cause === undefined ? {} : { cause }) });
}
