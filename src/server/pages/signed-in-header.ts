import { html } from 'hono/html';

export function signedInHeader(options: { displayName: string; csrfToken: string }) {
  return html`<form method="post" action="/signout"><span>${options.displayName}</span> · <input type="hidden" name="csrf" value="${options.csrfToken}"><button class="link" type="submit">Sign out</button></form>`;
}
