import type { Context } from 'hono';
import type { App } from '../../core/model.ts';
import { buildPostBindingFields } from '../../saml/post-binding.ts';
import { csp } from '../middleware/security-headers.ts';
import { postFormPage } from '../pages/post-form-page.ts';
import type { ServerEnv } from '../server-env.ts';

/** Answers with the auto-submitting form that carries a signed response to the ACS. */
export function renderPostBinding(c: Context<ServerEnv>, app: App, acsUrl: string, xml: string, relayState: string | null | undefined) {
  const fields = buildPostBindingFields(xml, relayState ?? undefined);
  const nonce = c.get('cspNonce');
  c.header('Content-Security-Policy', csp(nonce, new URL(acsUrl).origin));
  c.header('Cache-Control', 'no-store');
  return c.html(postFormPage({ action: acsUrl, fields: fields as Record<string, string>, nonce, appName: app.displayName }));
}
