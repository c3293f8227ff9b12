import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { assignDefaultRole } from './support/assign-default-role.ts';
import { startTestIdp, type TestIdp } from './support/start-test-idp.ts';

const SP = 'https://sp.example.test/saml/metadata';
const ACS = 'https://sp.example.test/acs';

describe('IdP: claim and NameID sources named after Object.prototype properties', () => {
  let idp: TestIdp;
  let appId: string;

  before(async () => {
    idp = await startTestIdp();
    const user = await idp.api('POST', '/users', { userPrincipalName: 'pat@example.com', displayName: 'Pat', attributes: { department: 'Ops' } });
    assert.equal(user.status, 201, JSON.stringify(user.body));
    const app = await idp.api('POST', '/apps', { template: 'generic-saml', displayName: 'Wiki', identifiers: [SP], replyUrls: [ACS] });
    assert.equal(app.status, 201, JSON.stringify(app.body));
    appId = app.body.id;
    await assignDefaultRole(idp, appId, user.body.id);
  });
  after(() => idp.close());

  const preview = () => idp.api('GET', `/apps/${appId}/saml/preview?user=pat@example.com`);

  test('a claim whose source is toString, constructor or valueOf is left out like any attribute the user lacks', async () => {
    for (const attribute of ['toString', 'constructor', 'valueOf', 'hasOwnProperty', 'user.constructor']) {
      const patched = await idp.api('PATCH', `/apps/${appId}`, {
        nameIdSource: 'userPrincipalName',
        claims: [
          { name: 'odd', namespace: null, source: { type: 'attribute', attribute } },
          { name: 'dept', namespace: null, source: { type: 'attribute', attribute: 'department' } },
        ],
      });
      assert.equal(patched.status, 200, JSON.stringify(patched.body));
      const r = await preview();
      assert.equal(r.status, 200, `${attribute}: ${JSON.stringify(r.body)}`);
      assert.deepEqual(r.body.attributes, [{ name: 'dept', values: ['Ops'] }], attribute);
    }
  });

  test('a NameID source named after an inherited property has no value: a clear 422, not a 500', async () => {
    for (const nameIdSource of ['constructor', 'toString', 'valueOf']) {
      assert.equal((await idp.api('PATCH', `/apps/${appId}`, { nameIdSource, claims: [] })).status, 200);
      const r = await preview();
      assert.equal(r.status, 422, `${nameIdSource}: ${JSON.stringify(r.body)}`);
      assert.equal(r.body.error.code, 'ERR_CLAIM_INVALID');
      assert.match(r.body.error.message, new RegExp(`NameID source '${nameIdSource}' has no value`));
    }
  });

  test('source names follow the user attribute key pattern, and the error names the field', async () => {
    const claims = (attribute: string) => [{ name: 'x', namespace: null, source: { type: 'attribute', attribute } }];
    for (const attribute of ['__proto__', 'user.__proto__', 'has space', '1abc', 'a'.repeat(65), '']) {
      const r = await idp.api('PATCH', `/apps/${appId}`, { claims: claims(attribute) });
      assert.equal(r.status, 400, `${JSON.stringify(attribute)}: ${JSON.stringify(r.body)}`);
      assert.equal(r.body.error.field, 'claims[0].source.attribute');
      assert.match(r.body.error.message, /^claims\[0\]\.source\.attribute: /);
    }
    const nameId = await idp.api('PATCH', `/apps/${appId}`, { nameIdSource: '__proto__' });
    assert.equal(nameId.status, 400);
    assert.equal(nameId.body.error.field, 'nameIdSource');
    // Entra's `user.` prefix on a 64-character key is still a valid source.
    assert.equal((await idp.api('PATCH', `/apps/${appId}`, { claims: claims(`user.${'a'.repeat(64)}`) })).status, 200);
  });
});
