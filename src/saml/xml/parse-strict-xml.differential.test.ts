import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DOMParser, type Element as XmldomElement } from '@xmldom/xmldom';
import { ExclusiveCanonicalization } from 'xml-crypto';
import { buildTestResponse } from '../../../test/support/build-test-response.ts';
import { createTestCertificate, type TestSigningKey } from '../../../test/support/create-test-certificate.ts';
import { signTestResponse } from '../../../test/support/sign-test-response.ts';
import { corruptXml, seededRandom } from '../../../test/support/xml-corruptions.ts';
import { parseStrictXml } from './parse-strict-xml.ts';

// rolegate read XML with @xmldom/xmldom (every warning and error refused) until the strict parser
// replaced it for speed. These tests hold the new parser to the old one: it must never accept a
// document xmldom refused, and where both accept, xml-crypto must canonicalize both trees to the
// same bytes — the bytes every digest in rolegate is computed over.

const c14n = new ExclusiveCanonicalization();

function parseWithXmldom(xml: string): XmldomElement | undefined {
  let problem = false;
  const parser = new DOMParser({ locator: false, onError: () => { problem = true; } });
  try {
    const doc = parser.parseFromString(xml, 'text/xml');
    return problem || !doc.documentElement ? undefined : (doc.documentElement as XmldomElement);
  } catch {
    return undefined;
  }
}

function parseWithStrict(xml: string) {
  try {
    return parseStrictXml(xml).documentElement ?? undefined;
  } catch {
    return undefined;
  }
}

const canonical = (element: unknown) => c14n.process(element as globalThis.Element, {});

let key: TestSigningKey;
let samples: string[];

before(async () => {
  key = await createTestCertificate({ commonName: 'differential' });
  const now = new Date('2025-01-15T12:00:00Z');
  samples = [
    signTestResponse(buildTestResponse({ now }), { key, sign: 'assertion' }),
    signTestResponse(buildTestResponse({ now, attributes: [{ name: 'https://aws.amazon.com/SAML/Attributes/RoleSessionName', values: ['a & <b> "c" \'d\''] }] }), { key, sign: 'both' }),
    '<?xml version="1.0" encoding="UTF-8"?>\n<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://idp.example/x?a=1&amp;b=2">\n  <!-- comment -->\n  <md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol" xml:lang="en"><md:NameIDFormat>urn:x</md:NameIDFormat></md:IDPSSODescriptor>\n</md:EntityDescriptor>\n',
    '<a xmlns="urn:d" xmlns:p="urn:p"><p:b p:x="1&#x9;2" y=\'&quot;\'>text<![CDATA[<cdata>]]>&#x1F600;<c xmlns=""/></p:b></a>',
  ];
});

describe('parseStrictXml against @xmldom/xmldom', () => {
  test('valid SAML documents: the same canonical bytes from both trees', () => {
    for (const xml of samples) {
      const theirs = parseWithXmldom(xml);
      const ours = parseWithStrict(xml);
      assert.ok(theirs && ours, `both parse: ${xml.slice(0, 60)}`);
      assert.equal(canonical(ours), canonical(theirs));
    }
  });

  test('6,000 random corruptions: never accepts what xmldom refuses, and agrees on what both accept', () => {
    const next = seededRandom(20261202);
    let bothAccepted = 0;
    let onlyXmldomAccepted = 0;
    for (let i = 0; i < 6000; i += 1) {
      const xml = corruptXml(samples[i % samples.length] as string, next);
      const ours = parseWithStrict(xml);
      const theirs = parseWithXmldom(xml);
      if (ours === undefined) {
        if (theirs !== undefined) onlyXmldomAccepted += 1;
        continue;
      }
      assert.ok(theirs, `accepted what xmldom refuses (case ${i}): ${JSON.stringify(xml)}`);
      assert.equal(canonical(ours), canonical(theirs), `case ${i} canonicalizes differently: ${JSON.stringify(xml)}`);
      bothAccepted += 1;
    }
    // The corpus must exercise both outcomes, or the property above says nothing.
    assert.ok(bothAccepted > 500, `only ${bothAccepted} corruptions were accepted by both`);
    assert.ok(bothAccepted + onlyXmldomAccepted < 5500, 'most corruptions must be refused');
  });
});
