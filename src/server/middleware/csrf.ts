import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { RolegateError } from '../../errors/rolegate-error.ts';
import type { ServerDeps, ServerEnv } from '../server-env.ts';

export const CSRF_COOKIE = 'rolegate_csrf';

/**
 * Double-submit CSRF protection for the server-rendered forms: a random token lives in an
 * HttpOnly SameSite=Lax cookie and in a hidden field of every form, and a POST is accepted
 * only when both match. It works before sign-in, which a session-bound token cannot.
 */
export function csrfToken(deps: ServerDeps): MiddlewareHandler<ServerEnv> {
  return async (c, next) => {
    let token = getCookie(c, CSRF_COOKIE);
    if (!token || !/^[A-Za-z0-9_-]{43}$/.test(token)) {
      token = randomBytes(32).toString('base64url');
      setCookie(c, CSRF_COOKIE, token, { httpOnly: true, sameSite: 'Lax', secure: deps.secureCookies, path: '/' });
    }
    c.set('csrfToken', token);
    await next();
  };
}

/** Throws ERR_CSRF unless the submitted form field matches the cookie. */
export function checkCsrf(expected: string, submitted: unknown): void {
  const a = Buffer.from(expected);
  const b = Buffer.from(typeof submitted === 'string' ? submitted : '');
  if (a.length !== b.length || !timingSafeEqual(a, b)) {
    throw new RolegateError('ERR_CSRF', 'the form expired or did not come from this site; reload the page and try again');
  }
}
