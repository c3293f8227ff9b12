import { html } from 'hono/html';
import { renderLayout } from './render-layout.ts';

/** A refused sign-in: the AWS error code, the check that refused it and its message, all escaped. */
export function renderErrorPage(error: { code: string; check: string; message: string }) {
  return renderLayout(
    'Sign-in refused',
    html`<div class="card error">
      <h1>Your request included an invalid SAML response.</h1>
      <p>AWS would answer <code>${error.code}</code>. The rolegate sandbox says which check failed:</p>
      <p><span class="check">${error.check}</span></p>
      <p>${error.message}</p>
      <p class="muted">To sign in again, start from your identity provider.</p>
    </div>`,
  );
}
