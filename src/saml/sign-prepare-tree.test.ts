import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DOMImplementation, XMLSerializer, type Document, type Element } from '@xmldom/xmldom';
import { prepareTreeForSigning } from './sign-prepare-tree.ts';

const NS = 'urn:example:a';
const OTHER = 'urn:example:b';
const XMLNS = 'http://www.w3.org/2000/xmlns/';
const XML = 'http://www.w3.org/XML/1998/namespace';

function newDoc(): { doc: Document; root: Element; child: Element } {
  const doc = new DOMImplementation().createDocument(NS, 'a:Root', null);
  const root = doc.documentElement as Element;
  const child = doc.createElementNS(NS, 'a:Child');
  root.appendChild(child);
  return { doc, root, child };
}

function refused(mutate: (parts: ReturnType<typeof newDoc>) => void, reason: RegExp): void {
  const parts = newDoc();
  mutate(parts);
  assert.throws(() => prepareTreeForSigning(parts.root), (e: unknown) => e instanceof TypeError && reason.test(e.message));
}

describe('prepareTreeForSigning', () => {
  test('removes empty text nodes, which have no serialization, and keeps every other node', () => {
    const { doc, root, child } = newDoc();
    child.appendChild(doc.createTextNode(''));
    child.appendChild(doc.createTextNode('x'));
    child.appendChild(doc.createTextNode(''));
    root.appendChild(doc.createTextNode(''));
    child.setAttribute('plain', 'tab\tnl\ncr\r"<&>');
    child.setAttributeNS(OTHER, 'b:q', 'v');
    child.setAttributeNS(XML, 'xml:lang', 'en');
    child.setAttributeNS(XMLNS, 'xmlns:c', 'urn:example:c');
    prepareTreeForSigning(root);
    assert.equal(child.childNodes.length, 1);
    assert.equal(child.firstChild?.nodeValue, 'x');
    assert.equal(root.childNodes.length, 1);
    assert.equal(
      new XMLSerializer().serializeToString(doc),
      '<a:Root xmlns:a="urn:example:a"><a:Child plain="tab&#9;nl&#10;cr&#13;&quot;&lt;&amp;&gt;" xmlns:b="urn:example:b" b:q="v" xml:lang="en" xmlns:c="urn:example:c">x</a:Child></a:Root>',
    );
  });

  test('refuses an element without a prefix, which the serializer may rename', () => {
    refused(({ doc, child }) => child.appendChild(doc.createElementNS(NS, 'Bare')), /element Bare without a namespace prefix/);
    refused(({ doc, child }) => child.appendChild(doc.createElement('plain')), /element plain without a namespace prefix/);
  });

  test('refuses one prefix bound to two namespaces on one element', () => {
    refused(({ child }) => child.setAttributeNS(OTHER, 'a:x', 'v'), /prefix a bound to two namespaces on a:Child/);
    refused(({ child }) => child.setAttributeNS(XMLNS, 'xmlns:a', OTHER), /prefix a bound to two namespaces/);
  });

  test('refuses attributes whose prefix and namespace disagree', () => {
    refused(({ child }) => child.setAttribute('b:q', 'v'), /attribute b:q with a prefix but no namespace/);
    refused(({ child }) => child.setAttributeNS(OTHER, 'q', 'v'), /namespaced attribute q without a usable prefix/);
  });

  test('refuses text with a carriage return and characters outside XML 1.0', () => {
    refused(({ doc, child }) => child.appendChild(doc.createTextNode('a\rb')), /carriage return/);
    refused(({ doc, child }) => child.appendChild(doc.createTextNode('a\u0001b')), /non-XML character/);
    refused(({ child }) => child.setAttribute('v', 'a\uFFFEb'), /attribute v with a non-XML character/);
  });

  test('refuses comments, CDATA sections and processing instructions', () => {
    refused(({ doc, child }) => child.appendChild(doc.createComment('c')), /node of type 8/);
    refused(({ doc, child }) => child.appendChild(doc.createCDATASection('c')), /node of type 4/);
    refused(({ doc, child }) => child.appendChild(doc.createProcessingInstruction('t', 'd')), /node of type 7/);
  });
});
