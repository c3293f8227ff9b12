import { html } from 'hono/html';
import type { AuthorizedSamlSession } from '../saml/index.ts';
import { renderLayout } from './render-layout.ts';

/** The signed-in landing page: who you are, in which account and role, until when. */
export function renderConsolePage(session: AuthorizedSamlSession, relayState: string | undefined) {
  const tags = Object.entries(session.principalTags);
  return renderLayout(
    `${session.roleName} @ ${session.accountAlias ?? session.accountId}`,
    html`<div class="card">
      <h1 class="ok">Signed in</h1>
      <dl>
        <dt>Account</dt><dd>${session.accountAlias === undefined ? session.accountId : html`${session.accountAlias} (${session.accountId})`}</dd>
        <dt>Role</dt><dd>${session.roleName}</dd>
        <dt>Federated user</dt><dd><code>${session.assumedRoleArn}</code></dd>
        <dt>Session name</dt><dd>${session.roleSessionName}</dd>
        <dt>Session expires</dt><dd>${session.expiration.toISOString()}</dd>
        <dt>Source identity</dt><dd>${session.sourceIdentity ?? html`<span class="muted">none</span>`}</dd>
        <dt>Subject</dt><dd>${session.subject} <span class="muted">(${session.subjectType})</span></dd>
        <dt>Issuer</dt><dd>${session.issuer}</dd>
        <dt>SAML provider</dt><dd><code>${session.principalArn}</code></dd>
        <dt>Allowed by</dt><dd>trust policy statement ${session.trustStatement}</dd>
        ${relayState === undefined || relayState === '' ? '' : html`<dt>Destination (RelayState)</dt><dd>${relayState}</dd>`}
      </dl>
      <h2>Principal tags</h2>
      ${tags.length === 0
        ? html`<p class="muted">none</p>`
        : html`<table><tr><th>Key</th><th>Value</th><th>Transitive</th></tr>
            ${tags.map(([key, value]) => html`<tr><td>${key}</td><td>${value}</td><td>${session.transitiveTagKeys.some((k) => k.toLowerCase() === key.toLowerCase()) ? 'yes' : 'no'}</td></tr>`)}
          </table>`}
    </div>`,
  );
}
