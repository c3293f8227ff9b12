import { Hono } from 'hono';
import { deleteCookie } from 'hono/cookie';
import { authenticateUser } from '../core/directory/authenticate-user.ts';
import { endSsoSession, startSsoSession } from '../core/sso/sso-sessions.ts';
import { RolegateError } from '../errors/rolegate-error.ts';
import { checkCsrf, rotateCsrfToken } from './middleware/csrf.ts';
import { readForm } from './middleware/read-form.ts';
import { sessionCookieName, setSessionCookie } from './middleware/sso-session.ts';
import { safeReturnPath } from './pages/safe-return-path.ts';
import { signInPage } from './pages/sign-in-page.ts';
import type { ServerDeps, ServerEnv } from './server-env.ts';

export function signInRoutes(deps: ServerDeps): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>();

  app.get('/signin', (c) => {
    const returnTo = safeReturnPath(c.req.query('return'));
    const session = c.get('session');
    if (!session) return c.html(signInPage({ csrfToken: c.get('csrfToken'), returnTo }));
    // Only the page is shown; whether a sign-in was fresh enough is decided where it is needed.
    if (c.req.query('fresh') !== '1') return c.redirect(returnTo, 303);
    return c.html(signInPage({ csrfToken: c.get('csrfToken'), returnTo, again: true, userPrincipalName: session.user.userPrincipalName }));
  });

  app.post('/signin', async (c) => {
    const form = await readForm(c);
    checkCsrf(c.get('csrfToken'), form['csrf']);
    const returnTo = safeReturnPath(form['return']);
    const username = typeof form['username'] === 'string' ? form['username'].slice(0, 256) : '';
    const password = typeof form['password'] === 'string' ? form['password'].slice(0, 256) : '';
    try {
      const user = await authenticateUser(deps.ctx, username, password);
      // A new sign-in replaces whatever session and form token the browser had.
      const previous = c.get('session');
      if (previous) await endSsoSession(deps.ctx, previous.cookieValue);
      const { cookieValue, session } = await startSsoSession(deps.ctx, user);
      setSessionCookie(c, deps, cookieValue);
      rotateCsrfToken(c, deps);
      c.get('logger').info({ userId: user.id, sessionId: session.id }, 'signed in');
      return c.redirect(returnTo, 303);
    } catch (error) {
      if (!(error instanceof RolegateError) || (error.code !== 'ERR_INVALID_CREDENTIALS' && error.code !== 'ERR_USER_DISABLED')) throw error;
      c.get('logger').warn({ code: error.code, details: error.details }, 'sign-in refused');
      return c.html(signInPage({ csrfToken: c.get('csrfToken'), returnTo, error: error.message, userPrincipalName: username }), 401);
    }
  });

  app.post('/signout', async (c) => {
    const form = await readForm(c);
    checkCsrf(c.get('csrfToken'), form['csrf']);
    const session = c.get('session');
    if (session) await endSsoSession(deps.ctx, session.cookieValue);
    deleteCookie(c, sessionCookieName(deps), { path: '/', secure: deps.secureCookies });
    return c.redirect('/signin', 303);
  });

  return app;
}
