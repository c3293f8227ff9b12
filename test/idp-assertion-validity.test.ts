import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestIdp, type TestIdp } from './support/start-test-idp.ts';

const NOW = new Date('2026-03-01T12:00:00.000Z');
const at = (seconds: number) => new Date(NOW.getTime() + seconds * 1000).toISOString().replace('.000Z', 'Z');

describe('IdP: the validity window of an issued assertion (frozen clock)', () => {
  let idp: TestIdp;
  let xml: string;

  before(async () => {
    idp = await startTestIdp({ now: () => new Date(NOW) });
    const user = await idp.api('POST', '/users', { userPrincipalName: 'lee@example.com', displayName: 'Lee' });
    const app = await idp.api('POST', '/apps', { template: 'generic-saml', displayName: 'Wiki', identifiers: ['https://sp.example.test'], replyUrls: ['https://sp.example.test/acs'] });
    const msiam = (await idp.api('GET', `/apps/${app.body.id}/roles`)).body.items.find((r: { value: string | null }) => r.value === null);
    await idp.api('POST', `/apps/${app.body.id}/assignments`, { principalId: user.body.id, appRoleId: msiam.id });
    const preview = await idp.api('GET', `/apps/${app.body.id}/saml/preview?user=lee@example.com`);
    assert.equal(preview.status, 200, JSON.stringify(preview.body));
    xml = preview.body.xml;
  });
  after(() => idp.close());

  const attribute = (element: string, name: string) => {
    const match = new RegExp(`<saml:${element}\\b[^>]*\\s${name}="([^"]*)"`).exec(xml);
    assert.ok(match, `${element}@${name}`);
    return match[1];
  };

  test('Conditions NotBefore is backdated 60 seconds, for SPs whose clock runs behind', () => {
    assert.equal(attribute('Assertion', 'IssueInstant'), at(0));
    assert.equal(attribute('Conditions', 'NotBefore'), at(-60));
  });

  test('the assertion and its bearer confirmation still end five minutes from now', () => {
    assert.equal(attribute('Conditions', 'NotOnOrAfter'), at(300));
    assert.equal(attribute('SubjectConfirmationData', 'NotOnOrAfter'), at(300));
    assert.doesNotMatch(xml, /<saml:SubjectConfirmationData\b[^>]*\sNotBefore=/, 'a bearer confirmation has no NotBefore (saml-profiles §4.1.4.2)');
  });
});
