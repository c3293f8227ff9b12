import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NAMEID_FORMATS } from './namespaces.ts';
import { satisfiesNameIdPolicy } from './satisfies-name-id-policy.ts';

test('no Format or unspecified lets the IdP choose; any other must be the one sent', () => {
  assert.equal(satisfiesNameIdPolicy(undefined, 'persistent'), true);
  assert.equal(satisfiesNameIdPolicy(NAMEID_FORMATS.unspecified, 'emailAddress'), true);
  assert.equal(satisfiesNameIdPolicy(NAMEID_FORMATS.persistent, 'persistent'), true);
  assert.equal(satisfiesNameIdPolicy(NAMEID_FORMATS.emailAddress, 'persistent'), false);
  assert.equal(satisfiesNameIdPolicy('urn:oasis:names:tc:SAML:2.0:nameid-format:encrypted', 'persistent'), false);
  assert.equal(satisfiesNameIdPolicy('urn:oasis:names:tc:SAML:2.0:nameid-format:transient ', 'transient'), false, 'compared exactly');
});
