import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildStatusResponse, REFUSAL_STATUSES } from './build-status-response.ts';
import { SAML_ASSERTION_NS, SAML_PROTOCOL_NS, STATUS_NO_PASSIVE, STATUS_RESPONDER } from './namespaces.ts';
import { parseXmlSafely } from './parse-xml-safely.ts';
import { attributeOf, childElements, textOf } from './verify/dom.ts';
import type { XmlElement } from './xml/xml-dom.ts';

describe('buildStatusResponse', () => {
  test('a Response with Responder/NoPassive, InResponseTo and Destination, and no assertion', () => {
    const xml = buildStatusResponse({ issuer: 'https://idp.example/saml/app', destination: 'https://sp.example/acs', inResponseTo: '_req"<1>', now: new Date('2025-01-15T12:00:00.123Z'), status: REFUSAL_STATUSES.noPassive });
    const response = parseXmlSafely(xml, { maxLength: 10_000 }).documentElement as XmlElement;
    assert.deepEqual([response.namespaceURI, response.localName], [SAML_PROTOCOL_NS, 'Response']);
    assert.equal(attributeOf(response, 'InResponseTo'), '_req"<1>', 'escaped by the DOM, read back intact');
    assert.equal(attributeOf(response, 'Destination'), 'https://sp.example/acs');
    assert.equal(attributeOf(response, 'IssueInstant'), '2025-01-15T12:00:00Z');
    assert.equal(textOf(childElements(response, SAML_ASSERTION_NS, 'Issuer')[0] as XmlElement), 'https://idp.example/saml/app');
    const [status] = childElements(response, SAML_PROTOCOL_NS, 'Status');
    const [top] = childElements(status as XmlElement, SAML_PROTOCOL_NS, 'StatusCode');
    assert.equal(attributeOf(top as XmlElement, 'Value'), STATUS_RESPONDER);
    assert.equal(attributeOf(childElements(top as XmlElement, SAML_PROTOCOL_NS, 'StatusCode')[0] as XmlElement, 'Value'), STATUS_NO_PASSIVE);
    assert.deepEqual(childElements(response, SAML_ASSERTION_NS, 'Assertion'), []);
  });
});
