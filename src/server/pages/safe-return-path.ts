import { RolegateError } from '../../errors/rolegate-error.ts';

/**
 * The longest path sign-in carries back. A pending AuthnRequest travels in it (SP-initiated
 * sign-in keeps no server-side state), and the path is percent-encoded once more into
 * `/signin?return=…`, which must fit in the request head Node accepts (16 KiB,
 * http.maxHeaderSize) next to the cookies: 8 KiB leaves room for that second encoding.
 */
export const MAX_RETURN_PATH_LENGTH = 8192;

/**
 * Where to go after sign-in: only a path on this server. Anything else (an absolute URL,
 * `//host`, a backslash trick) falls back to My Apps, so the sign-in page is no open redirect.
 * A path that is too long is refused rather than dropped: it is a pending sign-in request.
 */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== 'string') return '/';
  checkLength(value);
  if (!value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return '/';
  if (/[\u0000-\u001f]/.test(value)) return '/';
  return value;
}

/**
 * The sign-in page that comes back to `returnTo`. `fresh` shows the form even to a browser
 * that has a session, for a request that wants the user to sign in again (ForceAuthn).
 */
export function signInRedirect(returnTo: string, options: { fresh?: boolean } = {}): string {
  checkLength(returnTo);
  return `/signin?return=${encodeURIComponent(returnTo)}${options.fresh ? '&fresh=1' : ''}`;
}

function checkLength(returnTo: string): void {
  if (returnTo.length <= MAX_RETURN_PATH_LENGTH) return;
  throw new RolegateError(
    'ERR_PAYLOAD_TOO_LARGE',
    `this sign-in request is too large to carry through sign-in (${returnTo.length} characters, at most ${MAX_RETURN_PATH_LENGTH}). ` +
      'Sign in to rolegate first, then start again from the application: with a session, no detour is needed.',
  );
}
