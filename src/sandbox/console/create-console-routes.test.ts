import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AWS_ATTR, buildTestResponse } from '../../../test/support/build-test-response.ts';
import { createTestCertificate, type TestSigningKey } from '../../../test/support/create-test-certificate.ts';
import { signTestResponse } from '../../../test/support/sign-test-response.ts';
import { createSamlValidationOptions, type SandboxDirectory, type SandboxRole } from '../saml/index.ts';
import { createConsoleRoutes } from './create-console-routes.ts';

const NOW = new Date('2025-01-15T12:00:00Z');
const ISSUER = 'https://idp.example.test/saml';
const A = '111122223333';
const B = '444455556666';
const provider = (account: string) => `arn:aws:iam::${account}:saml-provider/rolegate`;
const role = (account: string, name: string) => `arn:aws:iam::${account}:role/${name}`;
const trust = (account: string) => JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: ['sts:AssumeRoleWithSAML', 'sts:TagSession'], Principal: { Federated: provider(account) }, Condition: { StringEquals: { 'SAML:aud': 'http://127.0.0.1:4566/saml' } } }],
});
const ROLES: SandboxRole[] = [
  { arn: role(A, 'Admin'), roleName: 'Admin', accountId: A, maxSessionDuration: 3600, trustPolicyJson: trust(A) },
  { arn: role(A, 'ReadOnly'), roleName: 'ReadOnly', accountId: A, maxSessionDuration: 3600, trustPolicyJson: trust(A) },
  { arn: role(B, 'Dev'), roleName: 'Dev', accountId: B, maxSessionDuration: 3600, trustPolicyJson: trust(B) },
];

let idp: TestSigningKey;
let app: ReturnType<typeof createConsoleRoutes>;

before(async () => {
  idp = await createTestCertificate();
  const directory: SandboxDirectory = {
    getSamlProvider: (arn) => ([A, B].map(provider).includes(arn) ? { arn, entityId: ISSUER, signingCertificatesPem: [idp.certificatePem] } : undefined),
    getRole: (arn) => ROLES.find((r) => r.arn === arn),
    getAccountAlias: (id) => (id === A ? 'prod-<main>' : undefined),
  };
  app = createConsoleRoutes({ directory, options: () => createSamlValidationOptions({ now: NOW, publicUrl: 'http://127.0.0.1:4566' }), publicUrl: 'http://127.0.0.1:4566' });
});

function samlResponse(roles: string[], extra: Array<{ name: string; values: string[] }> = []): string {
  const xml = buildTestResponse({
    now: NOW,
    issuer: ISSUER,
    recipient: 'http://127.0.0.1:4566/saml',
    attributes: [{ name: `${AWS_ATTR}Role`, values: roles }, { name: `${AWS_ATTR}RoleSessionName`, values: ['alice@example.test'] }, ...extra],
  });
  return Buffer.from(signTestResponse(xml, { key: idp, sign: 'assertion' })).toString('base64');
}

function post(path: string, form: Record<string, string>) {
  return app.request(path, { method: 'POST', body: new URLSearchParams(form), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
}

describe('console sign-in', () => {
  test('one role goes straight to the console page', async () => {
    const res = await post('/saml', { SAMLResponse: samlResponse([`${role(A, 'Admin')},${provider(A)}`], [{ name: `${AWS_ATTR}PrincipalTag:Team`, values: ['blue team'] }]), RelayState: '<script>x</script>' });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-security-policy') ?? '', /default-src 'none'/);
    const body = await res.text();
    assert.match(body, /arn:aws:sts::111122223333:assumed-role\/Admin\/alice@example.test/);
    assert.match(body, /prod-&lt;main&gt; \(111122223333\)/);
    assert.match(body, /2025-01-15T13:00:00.000Z/);
    assert.match(body, /<td>Team<\/td><td>blue team<\/td>/);
    assert.match(body, /&lt;script&gt;x&lt;\/script&gt;/);
    assert.doesNotMatch(body, /<script>x/);
  });

  test('several roles show a chooser grouped by account, and the choice is re-validated', async () => {
    const saml = samlResponse([`${role(A, 'Admin')},${provider(A)}`, `${role(A, 'ReadOnly')},${provider(A)}`, `${provider(B)},${role(B, 'Dev')}`]);
    const chooser = await (await post('/saml', { SAMLResponse: saml })).text();
    assert.match(chooser, /Account: prod-&lt;main&gt; \(111122223333\)/);
    assert.match(chooser, /Account: 444455556666/);
    assert.equal((chooser.match(/type="radio"/g) ?? []).length, 3);
    const chosen = await post('/saml/choose', { SAMLResponse: saml, role: `${role(B, 'Dev')},${provider(B)}` });
    assert.equal(chosen.status, 200);
    assert.match(await chosen.text(), /assumed-role\/Dev\/alice@example.test/);
  });

  test('a role the response does not grant is refused on choose', async () => {
    const saml = samlResponse([`${role(A, 'ReadOnly')},${provider(A)}`, `${role(B, 'Dev')},${provider(B)}`]);
    const res = await post('/saml/choose', { SAMLResponse: saml, role: `${role(A, 'Admin')},${provider(A)}` });
    assert.equal(res.status, 403);
    const body = await res.text();
    assert.match(body, /<span class="check">check-role-attribute<\/span>/);
    assert.match(body, /<code>AccessDenied<\/code>/);
  });

  test('an invalid response renders the failed check with escaped input', async () => {
    const res = await post('/saml', { SAMLResponse: Buffer.from('<x>"<img src=x onerror=alert(1)>').toString('base64') });
    assert.equal(res.status, 400);
    const body = await res.text();
    assert.match(body, /check-xml|check-response-structure/);
    assert.doesNotMatch(body, /<img/);
  });

  test('a body that is not a url-encoded form is refused with a page, not a 500', async () => {
    const res = await app.request('/saml', { method: 'POST', body: 'garbage', headers: { 'content-type': 'multipart/form-data' } });
    assert.equal(res.status, 400);
    assert.match(await res.text(), /check-/);
  });
});
