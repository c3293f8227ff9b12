import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { RolegateError } from '../../errors/rolegate-error.ts';
import type { ServerDeps, ServerEnv } from '../server-env.ts';

// Under https the __Host- prefix makes browsers refuse the cookie from a sibling subdomain
// or from plain http (RFC 6265bis §4.1.3.2), so it cannot be planted for a login CSRF.
export function csrfCookieName(deps: Pick<ServerDeps, 'secureCookies'>): string {
  return deps.secureCookies ? '__Host-rolegate_csrf' : 'rolegate_csrf';
}

/**
 * Double-submit CSRF protection for the server-rendered forms: a random token lives in an
 * HttpOnly SameSite=Lax cookie and in a hidden field of every form, and a POST is accepted
 * only when both match. It works before sign-in, which a session-bound token cannot.
 */
export function csrfToken(deps: ServerDeps): MiddlewareHandler<ServerEnv> {
  return async (c, next) => {
    const token = getCookie(c, csrfCookieName(deps));
    if (token && /^[A-Za-z0-9_-]{43}$/.test(token)) c.set('csrfToken', token);
    else rotateCsrfToken(c, deps);
    await next();
  };
}

/** Issues a fresh token (on first visit, and at sign-in so a token seen before it is useless after). */
export function rotateCsrfToken(c: Context<ServerEnv>, deps: Pick<ServerDeps, 'secureCookies'>): void {
  const token = randomBytes(32).toString('base64url');
  setCookie(c, csrfCookieName(deps), token, { httpOnly: true, sameSite: 'Lax', secure: deps.secureCookies, path: '/' });
  c.set('csrfToken', token);
}

/** Throws ERR_CSRF unless the submitted form field matches the cookie. */
export function checkCsrf(expected: string, submitted: unknown): void {
  const a = Buffer.from(expected);
  const b = Buffer.from(typeof submitted === 'string' ? submitted : '');
  if (a.length !== b.length || !timingSafeEqual(a, b)) {
    throw new RolegateError('ERR_CSRF', 'the form expired or did not come from this site; reload the page and try again');
  }
}
