import { html } from 'hono/html';
import { layout } from './layout.ts';

/**
 * The HTTP-POST binding page (saml-bindings §3.5.4): a form carrying SAMLResponse and
 * RelayState to the ACS, submitted by a nonce-allowed script, with a button for browsers
 * without JavaScript.
 */
export function postFormPage(options: { action: string; fields: Record<string, string>; nonce: string; appName: string }) {
  const inputs = Object.entries(options.fields).map(([name, value]) => html`<input type="hidden" name="${name}" value="${value}">`);
  return layout(
    'Signing in',
    html`<div class="card narrow">
  <h1>Signing in to ${options.appName}…</h1>
  <form method="post" action="${options.action}" id="saml-post">
    ${inputs}
    <noscript><button type="submit">Continue</button></noscript>
  </form>
  <script nonce="${options.nonce}">document.getElementById('saml-post').submit();</script>
</div>`,
  );
}
