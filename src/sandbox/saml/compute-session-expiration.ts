import type { ValidatedAwsSamlResponse } from './types.ts';

export const DEFAULT_SESSION_SECONDS = 3600;

/**
 * When the session ends (SPEC §3):
 * - STS: DurationSeconds (default 3600); a SessionDuration attribute can only shorten it;
 * - console: SessionDuration (default 3600);
 * and never after SessionNotOnOrAfter.
 */
export function computeSessionExpiration(
  validated: Pick<ValidatedAwsSamlResponse, 'sessionDuration' | 'sessionNotOnOrAfter'>,
  purpose: 'sts' | 'console',
  durationSeconds: number | undefined,
  now: Date,
): Date {
  let seconds: number;
  if (purpose === 'sts') {
    seconds = durationSeconds ?? DEFAULT_SESSION_SECONDS;
    if (validated.sessionDuration !== undefined) seconds = Math.min(seconds, validated.sessionDuration);
  } else {
    seconds = validated.sessionDuration ?? DEFAULT_SESSION_SECONDS;
  }
  const end = new Date(now.getTime() + seconds * 1000);
  return validated.sessionNotOnOrAfter && validated.sessionNotOnOrAfter < end ? validated.sessionNotOnOrAfter : end;
}
