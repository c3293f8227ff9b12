import { html } from 'hono/html';
import type { App } from '../../core/model.ts';
import { layout } from './layout.ts';
import { signedInHeader } from './signed-in-header.ts';

/**
 * Where a tile leads. As in Entra, an app with a sign-on URL is started SP-initiated at that
 * URL (the SP then sends its AuthnRequest to /saml/{id}/sso); without one the tile is the
 * IdP-initiated launch, which always stays available at /apps/{id}/launch.
 */
export function tileHref(app: Pick<App, 'id' | 'signOnUrl'>): string {
  return app.signOnUrl ?? `/apps/${app.id}/launch`;
}

export function myAppsPage(options: { displayName: string; csrfToken: string; apps: readonly App[] }) {
  const tiles = options.apps.map(
    (app) => html`<a class="tile" href="${tileHref(app)}" data-app-id="${app.id}">
  <div class="icon ${app.template === 'aws' ? '' : 'generic'}">${app.template === 'aws' ? 'aws' : app.displayName.slice(0, 1).toUpperCase()}</div>
  <div><strong>${app.displayName}</strong></div>
  <div class="muted">${app.template === 'aws' ? 'Amazon Web Services' : 'SAML application'}</div>
</a>`,
  );
  return layout(
    'My Apps',
    html`<h1>My Apps</h1>
${options.apps.length === 0 ? html`<div class="card">No applications are assigned to you yet. Ask your administrator.</div>` : html`<div class="tiles">${tiles}</div>`}`,
    signedInHeader(options),
  );
}
