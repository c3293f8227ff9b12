import { SESSION_DURATION_MAX_SECONDS, SESSION_DURATION_MIN_SECONDS } from '../../aws/saml-attributes.ts';
import { SandboxSamlError } from './sandbox-saml-error.ts';
import type { SandboxRole } from './types.ts';

/** DurationSeconds: 900-43200 and at most the role's MaxSessionDuration (STS API reference). */
export function checkDurationSeconds(durationSeconds: number | undefined, role: SandboxRole): void {
  if (durationSeconds === undefined) return;
  if (!Number.isInteger(durationSeconds) || durationSeconds < SESSION_DURATION_MIN_SECONDS || durationSeconds > SESSION_DURATION_MAX_SECONDS) {
    const bound = durationSeconds < SESSION_DURATION_MIN_SECONDS
      ? `greater than or equal to ${SESSION_DURATION_MIN_SECONDS}`
      : `less than or equal to ${SESSION_DURATION_MAX_SECONDS}`;
    throw new SandboxSamlError(
      'ValidationError',
      'check-duration-seconds',
      `1 validation error detected: Value '${durationSeconds}' at 'durationSeconds' failed to satisfy constraint: Member must have value ${bound}`,
    );
  }
  if (durationSeconds > role.maxSessionDuration) {
    // AWS's exact sentence; the details after it are the sandbox's.
    throw new SandboxSamlError(
      'ValidationError',
      'check-duration-seconds',
      `The requested DurationSeconds exceeds the MaxSessionDuration set for this role. (DurationSeconds ${durationSeconds}, MaxSessionDuration ${role.maxSessionDuration} of ${role.arn})`,
    );
  }
}
