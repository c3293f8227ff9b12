import type { MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { SSO_SESSION_SECONDS, resumeSsoSession } from '../../core/sso/sso-sessions.ts';
import type { ServerDeps, ServerEnv } from '../server-env.ts';

export function sessionCookieName(deps: Pick<ServerDeps, 'secureCookies'>): string {
  return deps.secureCookies ? '__Host-rolegate_session' : 'rolegate_session';
}

/** Loads the SSO session named by the cookie, if it is live; drops a stale cookie. */
export function ssoSession(deps: ServerDeps): MiddlewareHandler<ServerEnv> {
  return async (c, next) => {
    const cookieValue = getCookie(c, sessionCookieName(deps));
    if (cookieValue) {
      const live = await resumeSsoSession(deps.ctx, cookieValue);
      if (live) c.set('session', { ...live, cookieValue });
      else deleteCookie(c, sessionCookieName(deps), { path: '/', secure: deps.secureCookies });
    }
    await next();
  };
}

export function setSessionCookie(c: Parameters<MiddlewareHandler<ServerEnv>>[0], deps: ServerDeps, value: string): void {
  setCookie(c, sessionCookieName(deps), value, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: deps.secureCookies,
    path: '/',
    maxAge: SSO_SESSION_SECONDS,
  });
}
