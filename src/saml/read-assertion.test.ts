import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { XmlElement as Element } from './xml/xml-dom.ts';
import { isRolegateError } from '../errors/rolegate-error.ts';
import { buildTestResponse } from '../../test/support/build-test-response.ts';
import { parseXmlSafely } from './parse-xml-safely.ts';
import { readAssertion } from './read-assertion.ts';
import { SAML_ASSERTION_NS } from './namespaces.ts';

const now = new Date('2025-01-15T12:00:00Z');

function assertionOf(xml: string): Element {
  const doc = parseXmlSafely(xml, { maxLength: 100_000 });
  return doc.getElementsByTagNameNS(SAML_ASSERTION_NS, 'Assertion')[0] as Element;
}

test('readAssertion reads every field from direct children', () => {
  const xml = buildTestResponse({
    now,
    audiences: ['urn:amazon:webservices', 'https://signin.aws.amazon.com/saml'],
    attributes: [
      { name: 'https://aws.amazon.com/SAML/Attributes/Role', values: ['a,b', 'c,d'] },
      { name: 'https://aws.amazon.com/SAML/Attributes/RoleSessionName', values: ['alice'] },
    ],
  });
  assert.deepEqual(readAssertion(assertionOf(xml)), {
    id: '_assert0001',
    issueInstant: '2025-01-15T12:00:00Z',
    issuer: 'https://idp.example.test/saml',
    subject: {
      nameId: 'alice@example.test',
      nameIdFormat: 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent',
      confirmations: [
        { method: 'urn:oasis:names:tc:SAML:2.0:cm:bearer', recipient: 'https://signin.aws.amazon.com/saml', notOnOrAfter: '2025-01-15T12:05:00Z' },
      ],
    },
    conditions: {
      notBefore: '2025-01-15T11:59:00Z',
      notOnOrAfter: '2025-01-15T12:05:00Z',
      audiences: [['urn:amazon:webservices', 'https://signin.aws.amazon.com/saml']],
    },
    authnStatements: [{ authnInstant: '2025-01-15T12:00:00Z', sessionIndex: '_assert0001', sessionNotOnOrAfter: '2025-01-15T20:00:00Z' }],
    attributes: [
      { name: 'https://aws.amazon.com/SAML/Attributes/Role', values: ['a,b', 'c,d'] },
      { name: 'https://aws.amazon.com/SAML/Attributes/RoleSessionName', values: ['alice'] },
    ],
  });
});

test('readAssertion ignores look-alike elements nested deeper or in other namespaces', () => {
  const xml = buildTestResponse({ now, nameId: null }).replace(
    '<saml:Conditions',
    '<saml:Advice><saml:Subject><saml:NameID>admin</saml:NameID></saml:Subject></saml:Advice><x:Subject xmlns:x="urn:other"><x:NameID>root</x:NameID></x:Subject><saml:Conditions',
  );
  assert.equal(readAssertion(assertionOf(xml)).subject, undefined);
});

test('readAssertion refuses two Subjects', () => {
  const xml = buildTestResponse({ now }).replace('<saml:Conditions', '<saml:Subject><saml:NameID>x</saml:NameID></saml:Subject><saml:Conditions');
  assert.throws(() => readAssertion(assertionOf(xml)), (e) => isRolegateError(e, 'ERR_SAML_RESPONSE_INVALID') && /2 Subject elements/.test(e.message));
});
