import type { Logger } from 'pino';
import type { CoreContext } from '../core/core-context.ts';
import type { SsoSession, User } from '../core/model.ts';
import type { SigningKeyCache } from './sso/signing-key-cache.ts';

/** Values every handler can read from the Hono context (`c.get(...)`). */
export interface ServerVariables {
  requestId: string;
  logger: Logger;
  /** Set by the session middleware when the browser has a live SSO session. */
  session: { session: SsoSession; user: User; cookieValue: string } | undefined;
  /** Set by the CSRF middleware: the token to embed in forms. */
  csrfToken: string;
  /** Set by the CSP middleware: the nonce allowed for inline scripts. */
  cspNonce: string;
}

export interface ServerDeps {
  ctx: CoreContext;
  logger: Logger;
  keys: SigningKeyCache;
  /** Cookies get the Secure flag when the public URL is https. */
  secureCookies: boolean;
}

export type ServerEnv = { Variables: ServerVariables };
