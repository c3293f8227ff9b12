/**
 * Where to go after sign-in: only a path on this server. Anything else (an absolute URL,
 * `//host`, a backslash trick) falls back to My Apps, so the sign-in page is no open redirect.
 */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== 'string' || value.length > 8192) return '/';
  if (!value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return '/';
  if (/[\u0000-\u001f]/.test(value)) return '/';
  return value;
}

export function signInRedirect(returnTo: string): string {
  return `/signin?return=${encodeURIComponent(returnTo)}`;
}
