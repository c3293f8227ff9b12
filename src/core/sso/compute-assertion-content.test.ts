import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { awsAppTemplate } from '../../aws/aws-app-template.ts';
import type { App, User } from '../model.ts';
import { computeAssertionContent, readUserAttribute } from './compute-assertion-content.ts';

const user: User = {
  id: '01jbxyzuser0000000000000000',
  userPrincipalName: 'britta.simon@contoso.com',
  displayName: 'Britta Simon',
  mail: 'britta@contoso.com',
  enabled: true,
  attributes: { department: 'Finance', costCenter: '' },
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

function awsApp(overrides: Partial<App> = {}): App {
  return {
    id: 'app1',
    template: 'aws',
    displayName: 'AWS',
    enabled: true,
    visibleInMyApps: true,
    idpEntityId: 'http://127.0.0.1:8080/saml/app1',
    ...awsAppTemplate.defaults(),
    createdAt: '',
    updatedAt: '',
    ...overrides,
  };
}

describe('computeAssertionContent', () => {
  test('the AWS template sends Role (one value per role), RoleSessionName and SessionDuration under the AWS namespace', () => {
    const roles = ['arn:aws:iam::111111111111:role/Admin,arn:aws:iam::111111111111:saml-provider/WAAD', 'arn:aws:iam::222222222222:role/Audit,arn:aws:iam::222222222222:saml-provider/WAAD'];
    const content = computeAssertionContent(awsApp({ sessionDuration: 7200 }), user, roles);
    assert.deepEqual(content.nameId, { value: 'britta.simon@contoso.com', format: 'persistent' });
    assert.deepEqual(content.attributes, [
      { name: 'https://aws.amazon.com/SAML/Attributes/Role', values: roles },
      { name: 'https://aws.amazon.com/SAML/Attributes/RoleSessionName', values: ['britta.simon@contoso.com'] },
      { name: 'https://aws.amazon.com/SAML/Attributes/SessionDuration', values: ['7200'] },
    ]);
  });

  test('claim names keep their case exactly and a trailing slash on the namespace is not doubled', () => {
    const app = awsApp({
      claims: [
        { name: 'roleSessionNAME', namespace: 'https://example.com/attrs/', source: { type: 'constant', value: 'x' } },
        { name: 'Dept', namespace: null, source: { type: 'attribute', attribute: 'department' } },
      ],
    });
    assert.deepEqual(computeAssertionContent(app, user, []).attributes, [
      { name: 'https://example.com/attrs/roleSessionNAME', values: ['x'] },
      { name: 'Dept', values: ['Finance'] },
    ]);
  });

  test('claims without a value for this user are left out, and an unset SessionDuration is not sent', () => {
    const app = awsApp({
      sessionDuration: null,
      claims: [
        { name: 'cc', namespace: null, source: { type: 'attribute', attribute: 'costCenter' } },
        { name: 'missing', namespace: null, source: { type: 'attribute', attribute: 'nope' } },
        { name: 'SessionDuration', namespace: null, source: { type: 'sessionDuration' } },
      ],
    });
    assert.deepEqual(computeAssertionContent(app, user, []).attributes, []);
  });

  test('a NameID source without a value is a clear error, not an empty NameID', () => {
    const app = awsApp({ nameIdSource: 'employeeId' });
    assert.throws(() => computeAssertionContent(app, user, []), { code: 'ERR_CLAIM_INVALID', message: /NameID source 'employeeId'/ });
  });

  test('built-in fields accept Entra spellings (user.userprincipalname) and mailnickname', () => {
    assert.equal(readUserAttribute(user, 'user.userprincipalname'), 'britta.simon@contoso.com');
    assert.equal(readUserAttribute(user, 'mailNickname'), 'britta.simon');
    assert.equal(readUserAttribute(user, 'department'), 'Finance');
    assert.equal(readUserAttribute(user, 'Department'), null);
  });

  test('names of Object.prototype properties read nothing, as built-in field or attribute', () => {
    for (const name of ['toString', 'constructor', 'valueOf', '__proto__', 'hasOwnProperty', 'user.constructor']) {
      assert.equal(readUserAttribute(user, name), null, name);
    }
  });
});

describe('AWS template rules', () => {
  const ns = 'https://aws.amazon.com/SAML/Attributes';
  const role = 'arn:aws:iam::111111111111:role/Admin,arn:aws:iam::111111111111:saml-provider/WAAD';

  test('accepts a valid set of attributes', () => {
    awsAppTemplate.validateAttributes(awsApp(), [
      { name: `${ns}/Role`, values: [role] },
      { name: `${ns}/RoleSessionName`, values: ['britta.simon@contoso.com'] },
      { name: `${ns}/SessionDuration`, values: ['900'] },
    ]);
  });

  test('refuses a RoleSessionName AWS would reject, naming the value', () => {
    assert.throws(
      () => awsAppTemplate.validateAttributes(awsApp(), [
        { name: `${ns}/Role`, values: [role] },
        { name: `${ns}/RoleSessionName`, values: ['Britta Simon'] },
      ]),
      { code: 'ERR_CLAIM_INVALID', field: 'RoleSessionName', message: /'Britta Simon'/ },
    );
    assert.throws(
      () => awsAppTemplate.validateAttributes(awsApp(), [{ name: `${ns}/Role`, values: [role] }, { name: `${ns}/RoleSessionName`, values: ['a'.repeat(65)] }]),
      { code: 'ERR_CLAIM_INVALID', field: 'RoleSessionName' },
    );
  });

  test('refuses an empty Role attribute', () => {
    assert.throws(() => awsAppTemplate.validateAttributes(awsApp(), [{ name: `${ns}/RoleSessionName`, values: ['bob'] }]), {
      code: 'ERR_CLAIM_INVALID',
      field: 'Role',
    });
  });

  test('role values are role and provider ARNs in either order, stored in one canonical form', () => {
    assert.equal(awsAppTemplate.normalizeRoleValue(role), role);
    assert.equal(awsAppTemplate.normalizeRoleValue('arn:aws:iam::111111111111:saml-provider/WAAD, arn:aws:iam::111111111111:role/Admin'), role);
    // seed 001's own example, with its 5-digit placeholder account
    assert.equal(awsAppTemplate.normalizeRoleValue('arn:aws:iam::12345:role/Admin,arn:aws:iam::12345:saml-provider/WAAD'), 'arn:aws:iam::12345:role/Admin,arn:aws:iam::12345:saml-provider/WAAD');
    for (const bad of ['arn:aws:iam::1234567890123:role/Admin,arn:aws:iam::1234567890123:saml-provider/WAAD', 'Admin,WAAD', role + ',extra', 'arn:aws:iam::111111111111:role/A,arn:aws:iam::111111111111:role/B']) {
      assert.throws(() => awsAppTemplate.normalizeRoleValue(bad), { code: 'ERR_VALIDATION', field: 'value' }, bad);
    }
  });

  test('an attribute Name sent twice is refused before signing', () => {
    assert.throws(
      () => awsAppTemplate.validateAttributes(awsApp(), [
        { name: `${ns}/Role`, values: [role] },
        { name: `${ns}/RoleSessionName`, values: ['bad value!'] },
        { name: `${ns}/RoleSessionName`, values: ['alice@example.com'] },
      ]),
      { code: 'ERR_CLAIM_INVALID', message: /RoleSessionName would be sent twice/ },
    );
  });

  test('AWS apps only accept AWS identifiers and sign-in endpoints, and keep the Role and RoleSessionName claims', () => {
    awsAppTemplate.validateApp(awsApp({ identifiers: ['urn:amazon:webservices#2'], replyUrls: ['https://eu-west-1.signin.aws.amazon.com/saml', 'http://127.0.0.1:4566/saml'] }));
    assert.throws(() => awsAppTemplate.validateApp(awsApp({ identifiers: ['https://evil.example/sp'] })), { code: 'ERR_VALIDATION', field: 'identifiers[0]' });
    assert.throws(() => awsAppTemplate.validateApp(awsApp({ replyUrls: ['https://signin.aws.amazon.com/saml', 'https://evil.example/saml'] })), {
      code: 'ERR_VALIDATION',
      field: 'replyUrls[1]',
    });
    assert.throws(() => awsAppTemplate.validateApp(awsApp({ claims: [] })), { code: 'ERR_VALIDATION', message: /Role claim/ });
    const onlyRole = awsAppTemplate.defaults().claims.filter((c) => c.name === 'Role');
    assert.throws(() => awsAppTemplate.validateApp(awsApp({ claims: onlyRole })), { code: 'ERR_VALIDATION', message: /RoleSessionName/ });
  });

  test('the #n instance suffix is stripped from the Audience (seed 000)', () => {
    assert.equal(awsAppTemplate.audienceFor('urn:amazon:webservices#2'), 'urn:amazon:webservices');
    assert.equal(awsAppTemplate.audienceFor('urn:amazon:webservices'), 'urn:amazon:webservices');
  });
});
