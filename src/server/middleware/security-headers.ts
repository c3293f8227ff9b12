import { randomBytes } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { ServerEnv } from '../server-env.ts';

/**
 * Strict headers for every response. Pages get a CSP that allows only inline styles and
 * the one nonce'd script of the POST-binding page; `form-action` is widened by the
 * handlers that post to an ACS (see withFormAction).
 */
export function securityHeaders(options: { https: boolean }): MiddlewareHandler<ServerEnv> {
  return async (c, next) => {
    const nonce = randomBytes(16).toString('base64');
    c.set('cspNonce', nonce);
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('X-Frame-Options', 'DENY');
    c.header('Referrer-Policy', 'no-referrer');
    if (options.https) c.header('Strict-Transport-Security', 'max-age=31536000');
    if (!c.res.headers.has('Content-Security-Policy')) c.header('Content-Security-Policy', csp(nonce, "'self'"));
    if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store');
  };
}

export function csp(nonce: string, formAction: string): string {
  return [
    "default-src 'none'",
    "style-src 'unsafe-inline'",
    `script-src 'nonce-${nonce}'`,
    "img-src 'self' data:",
    `form-action ${formAction}`,
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join('; ');
}
