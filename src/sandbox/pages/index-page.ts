import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { SandboxState } from '../state/state-types.ts';

/** GET /: which accounts exist and how to point the AWS CLI here. Values are escaped by `html`. */
export function renderIndexPage(state: Readonly<SandboxState>, url: string, credentialsPath: string): HtmlEscapedString | Promise<HtmlEscapedString> {
  const first = state.accounts[0]?.id ?? '111111111111';
  const cli = `AWS_SHARED_CREDENTIALS_FILE=${credentialsPath} aws --profile ${first} --endpoint-url ${url} --region us-east-1 sts get-caller-identity`;
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>rolegate AWS sandbox</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3rem .6rem;text-align:left}code,pre{background:#f4f4f4;padding:.1rem .3rem}pre{padding:.6rem;overflow-x:auto}</style>
</head><body>
<h1>rolegate AWS sandbox</h1>
<p>A local, strict IAM / STS / Organizations endpoint. Sign-in endpoint for SAML: <code>${url}/saml</code>.</p>
<h2>Accounts</h2>
<table><thead><tr><th>Account</th><th>Alias</th><th>Name</th><th>Roles</th><th>SAML providers</th></tr></thead><tbody>
${state.accounts.map(
  (a) => html`<tr><td>${a.id}${a.id === state.organization?.managementAccountId ? ' (management)' : ''}</td><td>${a.alias ?? ''}</td><td>${a.name}</td>
<td>${state.roles.filter((r) => r.accountId === a.id).length}</td><td>${state.samlProviders.filter((s) => s.accountId === a.id).length}</td></tr>`,
)}
</tbody></table>
<h2>Use it with the AWS CLI</h2>
<p>Keys are in <code>${credentialsPath}</code>, one profile per account id (and <code>&lt;account&gt;-&lt;user&gt;</code> per IAM user):</p>
<pre>${cli}</pre>
<p>SDKs: set <code>AWS_ENDPOINT_URL=${url}</code> and region <code>us-east-1</code>.</p>
</body></html>`;
}
