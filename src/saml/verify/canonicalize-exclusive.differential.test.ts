import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DOMParser, type Element as XmldomElement, type Node as XmldomNode } from '@xmldom/xmldom';
import { ExclusiveCanonicalization, findAncestorNs } from 'xml-crypto';
import { buildTestResponse } from '../../../test/support/build-test-response.ts';
import { createTestCertificate } from '../../../test/support/create-test-certificate.ts';
import { signTestResponse } from '../../../test/support/sign-test-response.ts';
import { corruptXml, seededRandom } from '../../../test/support/xml-corruptions.ts';
import { parseStrictXml } from '../xml/parse-strict-xml.ts';
import { ELEMENT_NODE, type XmlElement } from '../xml/xml-dom.ts';
import { canonicalizeExclusive } from './canonicalize-exclusive.ts';

// canonicalizeExclusive replaced running xml-crypto's ExclusiveCanonicalization on the received
// DOM (which meant detaching the Signature and declaring namespaces on a copy). Every digest the
// sandbox and the IdP check depends on the two producing the same bytes, so they are compared
// here on every element of real and corrupted SAML documents, with and without an excluded child
// and an InclusiveNamespaces PrefixList.

const xmlCrypto = new ExclusiveCanonicalization();

/** `/*[i]/*[j]…`: the element by position, for xml-crypto's XPath-based lookups. */
function positionalPath(element: XmldomElement): string {
  const steps: string[] = [];
  for (let node: XmldomNode | null = element; node !== null && node.nodeType === 1; node = node.parentNode) {
    let position = 1;
    for (let sibling = node.previousSibling; sibling !== null; sibling = sibling.previousSibling) if (sibling.nodeType === 1) position += 1;
    steps.unshift(`*[${position}]`);
  }
  return `/${steps.join('/')}`;
}

/** xml-crypto on an xmldom tree, as SignedXml runs it: Signature detached, the ancestors' bindings found by xml-crypto itself. */
function theirs(element: XmldomElement, prefixes: string[], excludedIndex: number | undefined): string {
  const ancestorNamespaces = findAncestorNs(element.ownerDocument as unknown as globalThis.Document, positionalPath(element));
  const copy = element.cloneNode(true) as XmldomElement;
  if (excludedIndex !== undefined) copy.removeChild(copy.childNodes.item(excludedIndex) as XmldomNode);
  return xmlCrypto.process(copy as unknown as globalThis.Element, { inclusiveNamespacesPrefixList: [...prefixes], ancestorNamespaces });
}

function elementsOf(root: { childNodes: ArrayLike<unknown> }, isElement: (node: unknown) => boolean): unknown[] {
  const found: unknown[] = [];
  const walk = (node: { childNodes: ArrayLike<unknown> }) => {
    for (let i = 0; i < node.childNodes.length; i += 1) {
      const child = node.childNodes[i];
      if (isElement(child)) {
        found.push(child);
        walk(child as { childNodes: ArrayLike<unknown> });
      }
    }
  };
  walk(root);
  return found;
}

const isStrictElement = (node: unknown) => (node as XmlElement).nodeType === ELEMENT_NODE;
const isXmldomElement = (node: unknown) => (node as XmldomNode).nodeType === 1;

/** Compares every element of `xml`; returns how many comparisons were made (0 if our parser refuses it). */
function compareAll(xml: string, next: () => number): number {
  let doc;
  try {
    doc = parseStrictXml(xml);
  } catch {
    return 0;
  }
  const ours = elementsOf(doc, isStrictElement) as XmlElement[];
  const xmldom = elementsOf(new DOMParser({ onError: () => {} }).parseFromString(xml, 'text/xml'), isXmldomElement) as XmldomElement[];
  assert.equal(xmldom.length, ours.length, `the same elements from both parsers: ${JSON.stringify(xml)}`);
  const prefixes = [...new Set(ours.flatMap((e) => [e.prefix ?? '', ...e.attributes.map((a) => a.localName)]).filter((p) => p !== ''))];
  ours.forEach((element, index) => {
    const childIndexes = element.childNodes.flatMap((child, i) => (child.nodeType === ELEMENT_NODE ? [i] : []));
    const excludedIndex = childIndexes.length > 0 && next() < 0.5 ? childIndexes[Math.floor(next() * childIndexes.length)] : undefined;
    const prefixList = next() < 0.5 ? [] : prefixes.filter(() => next() < 0.4);
    const excluded = excludedIndex === undefined ? undefined : (element.childNodes[excludedIndex] as XmlElement);
    const expected = theirs(xmldom[index] as XmldomElement, prefixList, excludedIndex);
    assert.equal(canonicalizeExclusive(element, prefixList, excluded, Number.MAX_SAFE_INTEGER), expected, `element ${index} (${element.tagName}) of ${JSON.stringify(xml)} with PrefixList ${JSON.stringify(prefixList)}, excluding child ${excludedIndex}`);
  });
  return ours.length;
}

let samples: string[];

before(async () => {
  const key = await createTestCertificate({ commonName: 'c14n-differential' });
  const now = new Date('2025-01-15T12:00:00Z');
  samples = [
    signTestResponse(buildTestResponse({ now }), { key, sign: 'both' }),
    signTestResponse(buildTestResponse({ now, attributes: [{ name: 'urn:x', values: ['a & <b> "c"\r\n\t\'d\' ]]>'] }] }), { key, sign: 'assertion' }),
    '<r:Root xmlns:r="urn:r" xmlns="urn:default" xmlns:unused="urn:unused" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
      '<Child a="1" r:b="2" xml:lang="en" z="&#xD;&#x9;&quot;&lt;&amp;"><Inner xmlns=""><Deeper/><r:Prefixed/></Inner><v xsi:type="xs:string">t&#xD;</v></Child>' +
      '<r:Other xmlns:r="urn:r2"><r:Nested xmlns:q="urn:q" q:x="1" b="2" a="3"/></r:Other><!-- c --><a:B xmlns:a="urn:a" xmlns:b="urn:b" b:y="1" a:x="2"/></r:Root>',
  ];
});

describe('canonicalizeExclusive against xml-crypto', () => {
  test('every element of real SAML documents and a namespace-heavy one, byte for byte', () => {
    const next = seededRandom(1);
    for (const xml of samples) {
      for (let round = 0; round < 20; round += 1) assert.ok(compareAll(xml, next) > 0);
    }
  });

  test('every element of 3,000 random corruptions that still parse', () => {
    const next = seededRandom(20261202);
    let compared = 0;
    for (let i = 0; i < 3000; i += 1) compared += compareAll(corruptXml(samples[i % samples.length] as string, next), next);
    assert.ok(compared > 10_000, `only ${compared} elements compared`);
  });
});
