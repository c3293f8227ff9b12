import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { isRolegateError } from '../../errors/rolegate-error.ts';
import { MAX_ELEMENT_DEPTH, parseStrictXml } from './parse-strict-xml.ts';
import { COMMENT_NODE, ELEMENT_NODE, TEXT_NODE, XMLNS_NAMESPACE, type XmlElement } from './xml-dom.ts';

const XML_NS = 'http://www.w3.org/XML/1998/namespace';

function root(xml: string): XmlElement {
  return parseStrictXml(xml).documentElement as XmlElement;
}

function malformed(pattern: RegExp) {
  return (error: unknown) => {
    assert.ok(isRolegateError(error, 'ERR_XML_MALFORMED'), `expected ERR_XML_MALFORMED, got ${String(error)}`);
    assert.match(error.message, pattern);
    return true;
  };
}

describe('parseStrictXml: what it accepts, and the tree it builds', () => {
  test('elements, namespaces and attributes as Namespaces in XML 1.0 resolves them', () => {
    const r = root('<p:a xmlns:p="urn:p" xmlns="urn:d" x="1" p:y="2" xml:lang="en"><b/><c xmlns=""><p:d/></c></p:a>');
    assert.deepEqual([r.tagName, r.prefix, r.localName, r.namespaceURI], ['p:a', 'p', 'a', 'urn:p']);
    const [b, c] = r.childNodes as XmlElement[];
    assert.equal(b?.namespaceURI, 'urn:d', 'the default namespace applies to unprefixed elements');
    assert.equal(c?.namespaceURI, null, 'xmlns="" undeclares the default namespace');
    assert.equal((c?.firstChild as XmlElement).namespaceURI, 'urn:p');
    const attributes = r.attributes.map((a) => [a.name, a.prefix, a.localName, a.namespaceURI, a.value]);
    assert.deepEqual(attributes, [
      ['xmlns:p', 'xmlns', 'p', XMLNS_NAMESPACE, 'urn:p'],
      ['xmlns', null, 'xmlns', XMLNS_NAMESPACE, 'urn:d'],
      ['x', null, 'x', null, '1'],
      ['p:y', 'p', 'y', 'urn:p', '2'],
      ['xml:lang', 'xml', 'lang', XML_NS, 'en'],
    ]);
    assert.equal(r.getAttribute('p:y'), '2');
    assert.equal(r.getAttributeNS('urn:p', 'y'), '2');
    assert.equal(r.getAttribute('missing'), null);
    assert.equal(r.hasAttribute('x'), true);
  });

  test('an XML declaration, comments and processing instructions around the root element', () => {
    for (const prolog of ['<?xml version="1.0"?>', "<?xml version='1.0' encoding='utf-8' standalone='yes' ?>", '<?xml version="1.0" encoding="UTF-8"?>\n<!-- c -->\n<?pi data?>\n']) {
      const doc = parseStrictXml(`${prolog}<a/>\n<!-- after --><?pi?>\n`);
      assert.equal(doc.childNodes.length, 1, 'only the root element is kept at document level');
      assert.equal(doc.documentElement?.tagName, 'a');
    }
  });

  test('references: the five predefined entities and character references, decimal and hex, beyond the BMP', () => {
    const r = root('<a v="&lt;&gt;&amp;&apos;&quot;&#60;&#x3C;&#x1F600;">&lt;&gt;&amp;&apos;&quot;&#65;&#x42;&#x1F600;&#x000000041;&#0000000065;</a>');
    assert.equal(r.getAttribute('v'), `<>&'"<<😀`);
    assert.equal(r.textContent, `<>&'"AB😀AA`);
  });

  test('line ends are normalized; attribute white space becomes spaces but referenced white space stays', () => {
    const r = root('<a v="x\r\ny\tz\rw&#x9;&#xA;&#xD;">one\r\ntwo\rthree&#xD;</a>');
    assert.equal(r.getAttribute('v'), 'x y z w\t\n\r');
    assert.equal(r.textContent, 'one\ntwo\nthree\r');
  });

  test('CDATA sections become text merged with their neighbours; comments stay nodes but not text', () => {
    const r = root('<a>x<![CDATA[<y> & ]]>z<![CDATA[]]><!-- note -->w</a>');
    assert.deepEqual(
      r.childNodes.map((n) => [n.nodeType, n.nodeType === ELEMENT_NODE ? n.tagName : n.data]),
      [
        [TEXT_NODE, 'x<y> & z'],
        [COMMENT_NODE, ' note '],
        [TEXT_NODE, 'w'],
      ],
    );
    assert.equal(r.textContent, 'x<y> & zw');
  });

  test('names beyond ASCII, quotes of either kind, white space around "=" and before ">"', () => {
    const r = root(`<é:ü xmlns:é='urn:é' a = 'x"y' b\n=\n"x'y" ><ñ-1.2 /></é:ü >`);
    assert.deepEqual([r.localName, r.namespaceURI, r.getAttribute('a'), r.getAttribute('b')], ['ü', 'urn:é', 'x"y', "x'y"]);
    assert.equal((r.firstChild as XmlElement).tagName, 'ñ-1.2');
  });

  test('sibling links and childNodes agree, also after a child is removed', () => {
    const r = root('<a><b/>t<c/><d/></a>');
    const [b, t, c, d] = r.childNodes;
    assert.deepEqual([r.firstChild, r.lastChild, b?.nextSibling, t?.previousSibling, d?.nextSibling], [b, d, t, b, null]);
    r.removeChild(c as XmlElement);
    assert.deepEqual(r.childNodes, [b, t, d]);
    assert.deepEqual([t?.nextSibling, d?.previousSibling, c?.parentNode], [d, t, null]);
    assert.throws(() => r.removeChild(c as XmlElement), TypeError);
  });

  test(`nesting up to ${MAX_ELEMENT_DEPTH} levels is accepted`, () => {
    const xml = `${'<a>'.repeat(MAX_ELEMENT_DEPTH)}${'</a>'.repeat(MAX_ELEMENT_DEPTH)}`;
    assert.equal(root(xml).tagName, 'a');
  });
});

describe('parseStrictXml: what it refuses, saying what and where', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['empty input', '', /no root element/],
    ['only a prolog', '<?xml version="1.0"?><!-- c -->', /no root element/],
    ['two root elements', '<a/><b/>', /second root element/],
    ['text before the root', 'x<a/>', /text before the root/],
    ['text after the root', '<a/>x', /text after the root/],
    ['an unclosed element', '<a><b></b>', /<a> is not closed/],
    ['a mismatched end tag', '<a><b></a></b>', /<\/a> does not match the start tag <b>/],
    ['an end tag with another prefix', '<p:a xmlns:p="urn:p" xmlns:q="urn:p"></q:a>', /does not match/],
    ['an unclosed start tag', '<a x="1"', /not closed/],
    ['an attribute without a value', '<a x/>', /attribute x has no value/],
    ['an unquoted attribute value', '<a x=1/>', /not quoted/],
    ['an unclosed attribute value', '<a x="1/>', /not closed/],
    ['attributes without white space between them', '<a x="1"y="2"/>', /white space is required/],
    ['the same attribute twice', '<a x="1" x="2"/>', /attribute x appears twice/],
    ['two attributes with one expanded name', '<a xmlns:p="urn:n" xmlns:q="urn:n" p:x="1" q:x="2"/>', /namespace and local name of q:x/],
    ['the same attribute twice among many', `<a ${Array.from({ length: 12 }, (_, i) => `a${i}="${i}"`).join(' ')} a7="x"/>`, /attribute a7 appears twice/],
    ['one expanded name twice among many', `<a xmlns:p="urn:n" xmlns:q="urn:n" ${Array.from({ length: 12 }, (_, i) => `a${i}="${i}"`).join(' ')} p:x="1" q:x="2"/>`, /namespace and local name of q:x/],
    ['"<" in an attribute value', '<a x="<"/>', /"<" is not allowed in the value of attribute x/],
    ['an undeclared element prefix', '<p:a/>', /prefix p is not declared/],
    ['an undeclared attribute prefix', '<a p:x="1"/>', /prefix p is not declared/],
    ['undeclaring a prefix', '<a xmlns:p=""/>', /prefix p must not be undeclared/],
    ['declaring xmlns', '<a xmlns:xmlns="urn:x"/>', /prefix xmlns must not be declared/],
    ['binding xml elsewhere', '<a xmlns:xml="urn:x"/>', /prefix xml must not be bound/],
    ['binding the XML namespace to another prefix', `<a xmlns:x="${XML_NS}"/>`, /XML namespace must not be bound/],
    ['binding the xmlns namespace', `<a xmlns="${XMLNS_NAMESPACE}"/>`, /xmlns namespace must not be declared/],
    ['an element in the xmlns prefix', '<xmlns:a/>', /reserved for namespace declarations/],
    ['a name starting with a digit', '<1a/>', /element name is missing or starts with/],
    ['a name with two colons', '<a:b:c xmlns:a="urn:a"/>', /not a valid qualified name/],
    ['a name ending in a colon', '<a: xmlns:a="urn:a"/>', /not a valid qualified name/],
    ['an undeclared entity', '<a>&nbsp;</a>', /entity "&nbsp;" is not declared/],
    ['a bare ampersand', '<a>fish & chips</a>', /"&" does not start a character or entity reference/],
    ['an ampersand in an attribute', '<a x="a&b"/>', /"&" does not start/],
    ['a reference to U+0000', '<a>&#0;</a>', /names a character XML does not allow/],
    ['a reference to a surrogate', '<a>&#xD800;</a>', /names a character XML does not allow/],
    ['a reference to U+FFFE', '<a>&#xFFFE;</a>', /names a character XML does not allow/],
    ['a reference that is not a number', '<a>&#x1G;</a>', /is not a number/],
    ['a reference beyond every character', '<a>&#x1234567890;</a>', /"&#x1234567890;" is beyond every character/],
    ['a processing instruction target with a colon', '<?a:b x?><a/>', /target must be a name without a colon/],
    ['a namespace name with a double quote', `<a xmlns:p='urn:"x'/>`, /namespace name of xmlns:p contains &, <, "/],
    ['a namespace name with an ampersand', '<a xmlns="urn:a&amp;b"/>', /namespace name of xmlns contains &/],
    ['"]]>" in text', '<a>x]]>y</a>', /"]]>" is not allowed in text/],
    ['"--" inside a comment', '<a><!-- a -- b --></a>', /"--" is not allowed inside a comment/],
    ['a comment ending in "-"', '<a><!-- a ---></a>', /"--" is not allowed inside a comment/],
    ['an unclosed comment', '<a><!-- a </a>', /comment is not closed/],
    ['an unclosed CDATA section', '<a><![CDATA[x</a>', /CDATA section is not closed/],
    ['a CDATA section outside the root', '<![CDATA[x]]><a/>', /CDATA section outside the root/],
    ['a control character', '<a>\u0001</a>', /character U\+0001 is not allowed/],
    ['a lone surrogate', '<a>\uD800</a>', /character U\+D800 is not allowed/],
    ['U+FFFF', '<a>\uFFFF</a>', /character U\+FFFF is not allowed/],
    ['a processing instruction inside the root', '<a><?pi x?></a>', /processing instructions are not accepted inside the root/],
    ['an XML declaration that is not first', '<!-- c --><?xml version="1.0"?><a/>', /XML declaration is only allowed at the very start/],
    ['XML 1.1', '<?xml version="1.1"?><a/>', /XML version "1.1" is not supported/],
    ['another declared encoding', '<?xml version="1.0" encoding="ISO-8859-1"?><a/>', /declares encoding "ISO-8859-1", but it was read as UTF-8/],
    ['a malformed XML declaration', '<?xml encoding="UTF-8"?><a/>', /XML declaration is malformed/],
    ['a DOCTYPE', '<!DOCTYPE a><a/>', /markup declarations are not allowed/],
    ['a processing instruction without white space after its target', '<?pi-x?><?pi"x"?><a/>', /followed by white space/],
    [`nesting deeper than ${MAX_ELEMENT_DEPTH}`, `${'<a>'.repeat(MAX_ELEMENT_DEPTH + 1)}${'</a>'.repeat(MAX_ELEMENT_DEPTH + 1)}`, /nested deeper than 100 levels/],
  ];
  for (const [name, xml, pattern] of cases) {
    test(name, () => assert.throws(() => parseStrictXml(xml), malformed(pattern)));
  }

  test('a name as long as the document is not repeated whole in the message', () => {
    assert.throws(() => parseStrictXml(`<${'n'.repeat(100_000)}>`), (error: unknown) => isRolegateError(error, 'ERR_XML_MALFORMED') && error.message.length < 400);
  });

  test('the message gives the line and column of the problem', () => {
    assert.throws(() => parseStrictXml('<a>\n  <b x="1" x="2"/>\n</a>'), malformed(/\(line 2, column 3\)$/));
    assert.throws(() => parseStrictXml('<a>\r\n<b>&bogus;</b></a>'), malformed(/\(line 2, column 4\)$/));
  });
});
