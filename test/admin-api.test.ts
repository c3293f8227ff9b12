import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parseIdpMetadata } from '../src/saml/parse-idp-metadata.ts';
import { startTestIdp, type TestIdp } from './support/start-test-idp.ts';
import { xmlsecVerify } from './support/xmlsec-verify.ts';

const role = (account: string, name: string) => `arn:aws:iam::${account}:role/${name},arn:aws:iam::${account}:saml-provider/rolegate`;

describe('admin API: errors and validation', () => {
  let idp: TestIdp;
  before(async () => {
    idp = await startTestIdp();
  });
  after(() => idp.close());

  test('no token, a wrong token: 401 with the error shape', async () => {
    const none = await fetch(`${idp.url}/api/v1/users`);
    assert.equal(none.status, 401);
    assert.equal((await none.json()).error.code, 'ERR_UNAUTHENTICATED');
    const wrong = await fetch(`${idp.url}/api/v1/users`, { headers: { authorization: 'Bearer rgat_wrong' } });
    assert.equal(wrong.status, 401);
  });

  test('unknown fields and bad values are refused with a message that names the field', async () => {
    const unknown = await idp.api('POST', '/users', { userPrincipalName: 'a@b.c', displayName: 'A', favouriteColour: 'blue' });
    assert.equal(unknown.status, 400);
    assert.deepEqual(unknown.body.error.code, 'ERR_VALIDATION');
    assert.match(unknown.body.error.message, /^favouriteColour: unknown field/);

    const app = await idp.api('POST', '/apps', { template: 'aws', displayName: 'AWS' });
    const tooLong = await idp.api('PATCH', `/apps/${app.body.id}`, { sessionDuration: 43201 });
    assert.equal(tooLong.status, 400);
    assert.match(tooLong.body.error.message, /^sessionDuration: /);
    const badUrl = await idp.api('PATCH', `/apps/${app.body.id}`, { replyUrls: ['https://signin.aws.amazon.com/saml', 'http://evil.example/acs'] });
    assert.equal(badUrl.status, 400);
    assert.match(badUrl.body.error.message, /^replyUrls\[1\]: must be an absolute https URL/);
    const badRole = await idp.api('POST', `/apps/${app.body.id}/roles`, { value: 'Admin,WAAD', displayName: 'x' });
    assert.equal(badRole.status, 400);
    assert.match(badRole.body.error.message, /not an AWS role pair/);
    const regional = await idp.api('PATCH', `/apps/${app.body.id}`, { replyUrls: ['https://signin.aws.amazon.com/saml', 'https://eu-west-1.signin.aws.amazon.com/saml'] });
    assert.equal(regional.status, 200);

    const notJson = await fetch(`${idp.url}/api/v1/users`, { method: 'POST', headers: { authorization: `Bearer ${idp.token}`, 'content-type': 'application/json' }, body: '{"a":' });
    assert.equal(notJson.status, 400);
    assert.match((await notJson.json()).error.message, /not valid JSON/);
  });

  test('unknown ids are 404 and conflicts 409, and nothing is half-written', async () => {
    assert.equal((await idp.api('GET', '/users/01aaaaaaaaaaaaaaaaaaaaaaaa')).status, 404);
    assert.equal((await idp.api('GET', '/apps/nope/roles')).status, 404);
    const group = await idp.api('POST', '/groups', { displayName: 'g' });
    const missingMember = await idp.api('POST', `/groups/${group.body.id}/members`, { id: 'nobody' });
    assert.equal(missingMember.status, 404);
    assert.equal(missingMember.body.error.message, "no user or group has id 'nobody'");
    await idp.api('POST', '/users', { userPrincipalName: 'dup@example.com', displayName: 'Dup' });
    const dup = await idp.api('POST', '/users', { userPrincipalName: 'DUP@example.com', displayName: 'Dup again' });
    assert.equal(dup.status, 409);

    // An import with one bad entry writes none of the good ones.
    const app = await idp.api('POST', '/apps', { template: 'aws', displayName: 'Atomic' });
    const before = (await idp.api('GET', `/apps/${app.body.id}/roles`)).body.items.length;
    const bad = await idp.api('POST', `/apps/${app.body.id}/roles/import`, {
      appRoles: [
        { displayName: 'ok', value: role('111111111111', 'Ok') },
        { displayName: 'bad', value: 'arn:aws:iam::111111111111:role/x' },
      ],
    });
    assert.equal(bad.status, 400);
    assert.match(bad.body.error.message, /^appRoles\[1\]\.value: /);
    assert.equal((await idp.api('GET', `/apps/${app.body.id}/roles`)).body.items.length, before);

    const value = role('111111111111', 'Twice');
    assert.equal((await idp.api('POST', `/apps/${app.body.id}/roles`, { value, displayName: 'Twice' })).status, 201);
    const twice = await idp.api('POST', `/apps/${app.body.id}/roles`, { value, displayName: 'Twice again' });
    assert.deepEqual([twice.status, twice.body.error.message, twice.body.error.field], [409, 'An app role with this value already exists', 'value']);
  });

  test('a nested-group cycle is refused', async () => {
    const a = await idp.api('POST', '/groups', { displayName: 'a' });
    const b = await idp.api('POST', '/groups', { displayName: 'b' });
    assert.equal((await idp.api('POST', `/groups/${a.body.id}/members`, { id: b.body.id })).status, 201);
    const cycle = await idp.api('POST', `/groups/${b.body.id}/members`, { id: a.body.id });
    assert.equal(cycle.status, 409);
    assert.match(cycle.body.error.message, /cycle/);
  });

  test('oversized bodies are refused with 413 before they are parsed', async () => {
    const big = JSON.stringify({ userPrincipalName: 'x@y.z', displayName: 'x'.repeat(2 * 1024 * 1024) });
    const r = await fetch(`${idp.url}/api/v1/users`, { method: 'POST', headers: { authorization: `Bearer ${idp.token}`, 'content-type': 'application/json' }, body: big });
    assert.equal(r.status, 413);
    assert.equal((await r.json()).error.code, 'ERR_PAYLOAD_TOO_LARGE');
    const form = await fetch(`${idp.url}/signin`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `username=${'a'.repeat(300 * 1024)}` });
    assert.equal(form.status, 413);
  });

  test('the OpenAPI document lists every route it serves', async () => {
    const r = await fetch(`${idp.url}/api/v1/openapi.json`);
    assert.equal(r.status, 200);
    const doc = await r.json();
    assert.equal(doc.openapi, '3.1.0');
    for (const path of ['/api/v1/users', '/api/v1/groups/{id}/members', '/api/v1/apps/{id}', '/api/v1/apps/{id}/roles/import', '/api/v1/apps/{id}/assignments', '/api/v1/apps/{id}/certificates/{certId}/pem', '/api/v1/apps/{id}/saml/preview']) {
      assert.ok(doc.paths[path], `missing ${path}`);
    }
    assert.equal(doc.paths['/api/v1/users'].post.requestBody.content['application/json'].schema.additionalProperties, false);
  });
});

describe('admin API: certificates and rollover', () => {
  let idp: TestIdp;
  before(async () => {
    idp = await startTestIdp();
  });
  after(() => idp.close());

  test('create, stage, activate, download and delete; metadata publishes active and staged', async () => {
    const app = (await idp.api('POST', '/apps', { template: 'aws', displayName: 'AWS' })).body;
    const initial = (await idp.api('GET', `/apps/${app.id}/certificates`)).body.items;
    assert.equal(initial.length, 1);
    assert.equal(initial[0].status, 'active');
    assert.equal(initial[0].keyBits, 2048);
    const empty = await fetch(`${idp.url}/api/v1/apps/${app.id}/certificates`, { method: 'POST', headers: { authorization: `Bearer ${idp.token}` } });
    assert.equal(empty.status, 201, 'every field is optional, so no body at all is fine');
    const spare = await empty.json();
    assert.equal(spare.status, 'staged');
    assert.equal((await idp.api('PATCH', `/apps/${app.id}/certificates/${spare.id}`, { status: 'inactive' })).status, 200);
    const unpublished = await idp.api('PATCH', `/apps/${app.id}/certificates/${spare.id}`, { status: 'active' });
    assert.equal(unpublished.status, 409, 'a certificate never published in metadata cannot start signing');
    assert.match(unpublished.body.error.message, /stage it first/);
    assert.equal((await idp.api('DELETE', `/apps/${app.id}/certificates/${spare.id}`)).status, 204);
    const tooBig = await idp.api('POST', `/apps/${app.id}/certificates`, { keyBits: 4096 });
    assert.equal(tooBig.status, 400);
    assert.equal(tooBig.body.error.field, 'keyBits');
    assert.match(tooBig.body.error.message, /keyBits: must be one of 2048, 3072/);
    const next = await idp.api('POST', `/apps/${app.id}/certificates`, { keyBits: 3072 });
    assert.equal(next.status, 201);
    assert.equal(next.body.status, 'staged');
    assert.equal(next.body.keyBits, 3072);
    const years = (Date.parse(next.body.notAfter) - Date.parse(next.body.notBefore)) / (365.25 * 86400_000);
    assert.ok(Math.abs(years - 3) < 0.01, `valid three years, got ${years}`);

    let metadata = parseIdpMetadata(await (await fetch(`${idp.url}/saml/${app.id}/metadata`)).text());
    assert.equal(metadata.signingCertificatesPem.length, 2, 'active and staged are both published');

    const pem = await fetch(`${idp.url}/api/v1/apps/${app.id}/certificates/${next.body.id}/pem`, { headers: { authorization: `Bearer ${idp.token}` } });
    assert.equal(pem.headers.get('content-type'), 'application/x-pem-file');
    assert.equal((await pem.text()).trim(), next.body.certificatePem.trim());

    assert.equal((await idp.api('DELETE', `/apps/${app.id}/certificates/${initial[0].id}`)).status, 409, 'the active one cannot be deleted');
    assert.equal((await idp.api('PATCH', `/apps/${app.id}/certificates/${initial[0].id}`, { status: 'inactive' })).status, 409);
    const activated = await idp.api('PATCH', `/apps/${app.id}/certificates/${next.body.id}`, { status: 'active' });
    assert.equal(activated.body.status, 'active');
    const after = (await idp.api('GET', `/apps/${app.id}/certificates`)).body.items;
    assert.deepEqual(after.map((c: { status: string }) => c.status).sort(), ['active', 'staged']);

    // New responses are signed by the newly active key.
    const user = await idp.api('POST', '/users', { userPrincipalName: 'r@example.com', displayName: 'R' });
    const r = await idp.api('POST', `/apps/${app.id}/roles`, { value: role('111111111111', 'A'), displayName: 'A' });
    await idp.api('POST', `/apps/${app.id}/assignments`, { principalId: user.body.id, appRoleId: r.body.id });
    const preview = await idp.api('GET', `/apps/${app.id}/saml/preview?user=r@example.com`);
    const xml = Buffer.from(preview.body.samlResponse, 'base64').toString('utf8');
    assert.ok(xmlsecVerify(xml, next.body.certificatePem, 'Assertion').ok);
    assert.equal(xmlsecVerify(xml, initial[0].certificatePem, 'Assertion').ok, false);

    assert.equal((await idp.api('PATCH', `/apps/${app.id}/certificates/${initial[0].id}`, { status: 'inactive' })).status, 200);
    metadata = parseIdpMetadata(await (await fetch(`${idp.url}/saml/${app.id}/metadata`)).text());
    assert.equal(metadata.signingCertificatesPem.length, 1, 'an inactive certificate is not published');
    assert.equal((await idp.api('DELETE', `/apps/${app.id}/certificates/${initial[0].id}`)).status, 204);
  });
});

describe('admin API: role import merges and scales', () => {
  let idp: TestIdp;
  before(async () => {
    idp = await startTestIdp();
  });
  after(() => idp.close());

  test('import appends and merges, and never deletes', async () => {
    const app = (await idp.api('POST', '/apps', { template: 'aws', displayName: 'AWS' })).body;
    const first = await idp.api('POST', `/apps/${app.id}/roles/import`, {
      appRoles: [
        { displayName: 'Admin,WAAD', description: 'Admin,WAAD', isEnabled: true, value: 'arn:aws:iam::12345:role/Admin,arn:aws:iam::12345:saml-provider/WAAD' },
        { displayName: 'Auditors,WAAD', description: 'Auditors,WAAD', isEnabled: true, value: 'arn:aws:iam::12345:role/Auditors,arn:aws:iam::12345:saml-provider/WAAD' },
      ],
    });
    assert.deepEqual(first.body, { received: 2, added: 2, updated: 0, unchanged: 0, skipped: 0 });
    // A second file with only one of them, renamed, and a new one: nothing disappears.
    const second = await idp.api('POST', `/apps/${app.id}/roles/import`, [
      { displayName: 'Administrators', isEnabled: true, value: 'arn:aws:iam::12345:role/Admin,arn:aws:iam::12345:saml-provider/WAAD', description: 'Admin,WAAD' },
      { displayName: 'Dev', isEnabled: true, value: 'arn:aws:iam::12345:role/Dev,arn:aws:iam::12345:saml-provider/WAAD' },
    ]);
    assert.deepEqual(second.body, { received: 2, added: 1, updated: 1, unchanged: 0, skipped: 0 });
    const names = (await idp.api('GET', `/apps/${app.id}/roles`)).body.items.map((r: { displayName: string }) => r.displayName).sort();
    assert.deepEqual(names, ['Administrators', 'Auditors,WAAD', 'Dev', 'msiam_access']);
  });

  test('20,000 roles on one app: import, page through, and sign a response (no ~1,200 ceiling)', async () => {
    const app = (await idp.api('POST', '/apps', { template: 'aws', displayName: 'Big' })).body;
    const appRoles = Array.from({ length: 20_000 }, (_, i) => {
      const account = String(100000000000 + Math.floor(i / 50));
      return { displayName: `role-${i}`, isEnabled: true, value: role(account, `role-${i}`) };
    });
    const imported = await idp.api('POST', `/apps/${app.id}/roles/import`, { appRoles });
    assert.equal(imported.status, 200, JSON.stringify(imported.body));
    assert.equal(imported.body.added, 20_000);
    let seen = 0;
    let next: string | undefined;
    do {
      const page = await idp.api('GET', `/apps/${app.id}/roles?limit=1000${next ? `&after=${next}` : ''}`);
      seen += page.body.items.length;
      next = page.body.next;
    } while (next);
    assert.equal(seen, 20_001, 'the 20,000 imported roles and msiam_access');

    // A user who reaches 250 of them through a group gets all 250 in one signed response.
    const user = await idp.api('POST', '/users', { userPrincipalName: 'big@example.com', displayName: 'Big' });
    const group = await idp.api('POST', '/groups', { displayName: 'big-group' });
    await idp.api('POST', `/groups/${group.body.id}/members`, { id: user.body.id });
    const firstPage = await idp.api('GET', `/apps/${app.id}/roles?limit=251`);
    for (const r of firstPage.body.items.filter((x: { value: string | null }) => x.value !== null).slice(0, 250)) {
      assert.equal((await idp.api('POST', `/apps/${app.id}/assignments`, { principalId: group.body.id, appRoleId: r.id })).status, 201);
    }
    const preview = await idp.api('GET', `/apps/${app.id}/saml/preview?user=big@example.com`);
    assert.equal(preview.status, 200);
    const roleValues = preview.body.attributes.find((a: { name: string }) => a.name.endsWith('/Role')).values;
    assert.equal(roleValues.length, 250);
  });
});
