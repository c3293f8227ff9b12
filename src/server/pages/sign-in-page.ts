import { html } from 'hono/html';
import { layout } from './layout.ts';

export function signInPage(options: { csrfToken: string; returnTo: string; error?: string; userPrincipalName?: string; again?: boolean }) {
  return layout(
    'Sign in',
    html`<div class="card narrow">
  <h1>Sign in</h1>
  ${options.again ? html`<p class="muted">The application asks you to sign in again before it lets you in.</p>` : ''}
  ${options.error ? html`<div class="error" role="alert">${options.error}</div>` : ''}
  <form method="post" action="/signin">
    <input type="hidden" name="csrf" value="${options.csrfToken}">
    <input type="hidden" name="return" value="${options.returnTo}">
    <label for="username">User name</label>
    <input type="text" id="username" name="username" autocomplete="username" required autofocus value="${options.userPrincipalName ?? ''}">
    <label for="password">Password</label>
    <input type="password" id="password" name="password" autocomplete="current-password" required>
    <button type="submit">Sign in</button>
  </form>
</div>`,
  );
}
