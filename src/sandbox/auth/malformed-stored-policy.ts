import { AwsServiceError } from '../errors/aws-service-error.ts';

// Stored policies were parsed when they were put; failing now means the evaluator changed,
// which is our fault, not the caller's.
export function malformedStoredPolicy(name: string, cause: unknown): AwsServiceError {
  const error = new AwsServiceError('ServiceFailure', `Stored policy '${name}' can no longer be parsed`, 500, 'Receiver');
  (error as { cause?: unknown }).cause = cause;
  return error;
}
