import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { RolegateError, type ErrorCode } from '../errors/rolegate-error.ts';
import { HTTP_STATUS } from './http-status.ts';
import { errorPage } from './pages/error-page.ts';
import type { ServerEnv } from './server-env.ts';

const PAGE_TITLES: Partial<Record<ErrorCode, string>> = {
  ERR_NOT_FOUND: 'Not found',
  ERR_NOT_ASSIGNED: 'No access',
  ERR_APP_DISABLED: 'Application disabled',
  ERR_USER_DISABLED: 'Account disabled',
  ERR_CLAIM_INVALID: 'Cannot sign you in',
  ERR_SAML_REQUEST_INVALID: 'Invalid sign-in request',
  ERR_XML_UNSAFE: 'Invalid sign-in request',
  ERR_XML_MALFORMED: 'Invalid sign-in request',
  ERR_XML_TOO_LARGE: 'Invalid sign-in request',
  ERR_CSRF: 'Form expired',
  ERR_PAYLOAD_TOO_LARGE: 'Request too large',
};

/**
 * Turns any thrown value into a response: JSON `{error: {code, message}}` under /api,
 * an error page elsewhere. Unexposed and unknown errors answer with a generic message
 * and the request id; the log has the details (never secrets).
 */
export function handleError(error: unknown, c: Context<ServerEnv>): Response | Promise<Response> {
  const requestId = c.get('requestId') ?? 'unknown';
  const logger = c.get('logger');
  const known = toRolegateError(error);
  const status = HTTP_STATUS[known.code];
  if (status >= 500 || !known.expose) {
    logger?.error({ err: error, code: known.code }, 'request failed');
  } else {
    logger?.warn({ code: known.code, field: known.field, details: known.details, message: known.message }, 'request refused');
  }
  const message = known.expose && status < 500 ? known.message : `internal error (request id ${requestId})`;
  // The rest of an oversized body is never read: close the connection rather than leave
  // unread bytes in front of the client's next request on a keep-alive socket.
  if (known.code === 'ERR_PAYLOAD_TOO_LARGE') c.header('Connection', 'close');
  if (c.req.path.startsWith('/api/')) {
    return c.json({ error: { code: known.code, message, ...(known.field ? { field: known.field } : {}) } }, status);
  }
  return c.html(errorPage({ title: PAGE_TITLES[known.code] ?? (status >= 500 ? 'Something went wrong' : 'Request refused'), message, requestId }), status);
}

function toRolegateError(error: unknown): RolegateError {
  if (error instanceof RolegateError) return error;
  if (error instanceof HTTPException) {
    if (error.status === 413) return new RolegateError('ERR_PAYLOAD_TOO_LARGE', 'request body is too large');
    if (error.status === 400) return new RolegateError('ERR_VALIDATION', error.message || 'bad request');
  }
  return new RolegateError('ERR_INTERNAL', 'internal error', { cause: error, expose: false });
}
