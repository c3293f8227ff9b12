import { html } from 'hono/html';
import type { AwsRoleChoice, RejectedRoleChoice } from '../saml/index.ts';
import { renderLayout } from './render-layout.ts';

export interface AccountGroup {
  accountId: string;
  alias: string | undefined;
  roles: AwsRoleChoice[];
}

export function groupByAccount(roles: readonly AwsRoleChoice[], aliasOf: (accountId: string) => string | undefined): AccountGroup[] {
  const groups = new Map<string, AccountGroup>();
  for (const role of roles) {
    let group = groups.get(role.accountId);
    if (!group) groups.set(role.accountId, (group = { accountId: role.accountId, alias: aliasOf(role.accountId), roles: [] }));
    group.roles.push(role);
  }
  return [...groups.values()].sort((a, b) => (a.alias ?? a.accountId).localeCompare(b.alias ?? b.accountId));
}

/**
 * The "Select a role" page AWS shows for several Role values. The SAMLResponse travels back
 * in a hidden field and is validated again on submit: nothing the browser sends is trusted.
 */
export function renderRoleChooser(input: {
  samlResponse: string;
  relayState: string | undefined;
  groups: AccountGroup[];
  rejected: readonly RejectedRoleChoice[];
}) {
  let first = true;
  return renderLayout(
    'Amazon Web Services Sign-In',
    html`<form class="card" method="post" action="/saml/choose">
      <h1>Select a role:</h1>
      <input type="hidden" name="SAMLResponse" value="${input.samlResponse}" />
      ${input.relayState === undefined ? '' : html`<input type="hidden" name="RelayState" value="${input.relayState}" />`}
      ${input.groups.map(
        (group) => html`<h2>Account: ${group.alias === undefined ? group.accountId : html`${group.alias} (${group.accountId})`}</h2>
          ${group.roles.map((role) => {
            const checked = first;
            first = false;
            return html`<label class="role"><input type="radio" name="role" value="${role.roleArn},${role.principalArn}" ${checked ? html`checked` : ''} />
              ${role.roleName}<span class="arn">${role.roleArn}</span></label>`;
          })}`,
      )}
      <button type="submit">Sign in</button>
    </form>
    ${input.rejected.length === 0
      ? ''
      : html`<div class="card"><h2>Roles not offered</h2><table>
          <tr><th>Role</th><th>Check</th><th>Why</th></tr>
          ${input.rejected.map((r) => html`<tr><td><code>${r.roleArn}</code></td><td><span class="check">${r.check}</span></td><td>${r.message}</td></tr>`)}
        </table></div>`}`,
  );
}
