import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { XMLSerializer } from '@xmldom/xmldom';
import type { XmlElement as Element } from './xml/xml-dom.ts';
import { buildSamlResponse, formatSamlInstant, type ResponseInput } from './build-response.ts';
import { parseXmlSafely } from './parse-xml-safely.ts';
import { isRolegateError } from '../errors/rolegate-error.ts';

const P = 'urn:oasis:names:tc:SAML:2.0:protocol';
const A = 'urn:oasis:names:tc:SAML:2.0:assertion';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

const NOW = new Date('2025-03-04T05:06:07.891Z');

function input(overrides: Partial<ResponseInput> = {}): ResponseInput {
  return {
    issuer: 'https://idp.example.test/saml/app1',
    destination: 'https://signin.aws.amazon.com/saml',
    audience: 'urn:amazon:webservices',
    nameId: { value: 'ada@example.test', format: 'persistent' },
    sessionIndex: '_session1',
    authnInstant: new Date('2025-03-04T05:00:00.000Z'),
    now: NOW,
    attributes: [
      { name: 'https://aws.amazon.com/SAML/Attributes/RoleSessionName', values: ['ada@example.test'] },
      {
        name: 'https://aws.amazon.com/SAML/Attributes/Role',
        values: ['arn:aws:iam::111122223333:role/A,arn:aws:iam::111122223333:saml-provider/P', 'r2,p2'],
      },
    ],
    responseId: '_resp1',
    assertionId: '_assert1',
    ...overrides,
  };
}

/** Serialize and parse back, the way a receiver sees it. */
function roundTrip(i: ResponseInput): Element {
  const xml = new XMLSerializer().serializeToString(buildSamlResponse(i));
  return parseXmlSafely(xml, { maxLength: 1_000_000 }).documentElement as Element;
}

/** The namespace the prefix xs is bound to where `el` sits (xsi:type="xs:string" needs it). */
function xsNamespaceInScope(el: Element): string | null {
  for (let node: Element | null = el; node !== null; node = node.parentNode?.nodeType === 1 ? (node.parentNode as Element) : null) {
    const declared = node.getAttribute('xmlns:xs');
    if (declared !== null) return declared;
  }
  return null;
}

function children(el: Element): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) out.push(n as Element);
  return out;
}

function names(el: Element): string[] {
  return children(el).map((c) => `${c.namespaceURI === P ? 'samlp' : c.namespaceURI === A ? 'saml' : c.namespaceURI}:${c.localName}`);
}

function only(el: Element, ns: string, local: string): Element {
  const found = children(el).filter((c) => c.namespaceURI === ns && c.localName === local);
  assert.equal(found.length, 1, `exactly one ${local} under ${el.localName}`);
  return found[0]!;
}

describe('buildSamlResponse', () => {
  test('Response has the protocol attributes and schema order', () => {
    const r = roundTrip(input({ inResponseTo: '_req9' }));
    assert.equal(r.namespaceURI, P);
    assert.equal(r.localName, 'Response');
    assert.equal(r.getAttribute('ID'), '_resp1');
    assert.equal(r.getAttribute('Version'), '2.0');
    assert.equal(r.getAttribute('IssueInstant'), '2025-03-04T05:06:07Z');
    assert.equal(r.getAttribute('Destination'), 'https://signin.aws.amazon.com/saml');
    assert.equal(r.getAttribute('InResponseTo'), '_req9');
    assert.deepEqual(names(r), ['saml:Issuer', 'samlp:Status', 'saml:Assertion']);
    assert.equal(only(r, A, 'Issuer').textContent, 'https://idp.example.test/saml/app1');
    const code = only(only(r, P, 'Status'), P, 'StatusCode');
    assert.equal(code.getAttribute('Value'), 'urn:oasis:names:tc:SAML:2.0:status:Success');
  });

  test('Assertion has Issuer, Subject, Conditions, AuthnStatement, AttributeStatement in order', () => {
    const a = only(roundTrip(input()), A, 'Assertion');
    assert.equal(a.getAttribute('ID'), '_assert1');
    assert.equal(a.getAttribute('Version'), '2.0');
    assert.equal(a.getAttribute('IssueInstant'), '2025-03-04T05:06:07Z');
    assert.deepEqual(names(a), ['saml:Issuer', 'saml:Subject', 'saml:Conditions', 'saml:AuthnStatement', 'saml:AttributeStatement']);
  });

  test('Subject carries NameID and exactly one bearer confirmation with Recipient and lifetime', () => {
    const a = only(roundTrip(input({ inResponseTo: '_req9', lifetimeSeconds: 600 })), A, 'Assertion');
    const subject = only(a, A, 'Subject');
    assert.deepEqual(names(subject), ['saml:NameID', 'saml:SubjectConfirmation']);
    const nameId = only(subject, A, 'NameID');
    assert.equal(nameId.textContent, 'ada@example.test');
    assert.equal(nameId.getAttribute('Format'), 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent');
    const sc = only(subject, A, 'SubjectConfirmation');
    assert.equal(sc.getAttribute('Method'), 'urn:oasis:names:tc:SAML:2.0:cm:bearer');
    const data = only(sc, A, 'SubjectConfirmationData');
    assert.equal(data.getAttribute('Recipient'), 'https://signin.aws.amazon.com/saml');
    assert.equal(data.getAttribute('NotOnOrAfter'), '2025-03-04T05:16:07Z');
    assert.equal(data.getAttribute('InResponseTo'), '_req9');
  });

  test('InResponseTo is absent everywhere for IdP-initiated', () => {
    const r = roundTrip(input());
    assert.equal(r.hasAttribute('InResponseTo'), false);
    const data = only(only(only(only(r, A, 'Assertion'), A, 'Subject'), A, 'SubjectConfirmation'), A, 'SubjectConfirmationData');
    assert.equal(data.hasAttribute('InResponseTo'), false);
  });

  test('Conditions use now, skew and the default 300 s lifetime with one Audience', () => {
    const a = only(roundTrip(input({ clockSkewSeconds: 60 })), A, 'Assertion');
    const c = only(a, A, 'Conditions');
    assert.equal(c.getAttribute('NotBefore'), '2025-03-04T05:05:07Z');
    assert.equal(c.getAttribute('NotOnOrAfter'), '2025-03-04T05:11:07Z');
    assert.equal(only(only(c, A, 'AudienceRestriction'), A, 'Audience').textContent, 'urn:amazon:webservices');
    const c0 = only(only(roundTrip(input()), A, 'Assertion'), A, 'Conditions');
    assert.equal(c0.getAttribute('NotBefore'), '2025-03-04T05:06:07Z');
  });

  test('AuthnStatement has instant, session index, optional SessionNotOnOrAfter and the class ref', () => {
    const plain = only(only(roundTrip(input()), A, 'Assertion'), A, 'AuthnStatement');
    assert.equal(plain.getAttribute('AuthnInstant'), '2025-03-04T05:00:00Z');
    assert.equal(plain.getAttribute('SessionIndex'), '_session1');
    assert.equal(plain.hasAttribute('SessionNotOnOrAfter'), false);
    assert.equal(
      only(only(plain, A, 'AuthnContext'), A, 'AuthnContextClassRef').textContent,
      'urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport',
    );
    const withSession = only(
      only(roundTrip(input({ sessionNotOnOrAfter: new Date('2025-03-04T17:06:07.999Z') })), A, 'Assertion'),
      A,
      'AuthnStatement',
    );
    assert.equal(withSession.getAttribute('SessionNotOnOrAfter'), '2025-03-04T17:06:07Z');
  });

  test('one AttributeValue per value, typed xs:string, NameFormat uri by default', () => {
    const st = only(only(roundTrip(input()), A, 'Assertion'), A, 'AttributeStatement');
    const attrs = children(st);
    assert.equal(attrs.length, 2);
    const role = attrs[1]!;
    assert.equal(role.getAttribute('Name'), 'https://aws.amazon.com/SAML/Attributes/Role');
    assert.equal(role.getAttribute('NameFormat'), 'urn:oasis:names:tc:SAML:2.0:attrname-format:uri');
    const values = children(role);
    assert.deepEqual(
      values.map((v) => v.textContent),
      ['arn:aws:iam::111122223333:role/A,arn:aws:iam::111122223333:saml-provider/P', 'r2,p2'],
    );
    for (const v of values) {
      assert.equal(v.localName, 'AttributeValue');
      assert.equal(v.getAttributeNS(XSI, 'type'), 'xs:string');
      assert.equal(xsNamespaceInScope(v), 'http://www.w3.org/2001/XMLSchema');
    }
  });

  test('custom NameFormat is kept', () => {
    const st = only(
      only(roundTrip(input({ attributes: [{ name: 'mail', values: ['a'], nameFormat: 'urn:oasis:names:tc:SAML:2.0:attrname-format:basic' }] })), A, 'Assertion'),
      A,
      'AttributeStatement',
    );
    assert.equal(children(st)[0]!.getAttribute('NameFormat'), 'urn:oasis:names:tc:SAML:2.0:attrname-format:basic');
  });

  test('AttributeStatement is omitted when there are no attributes', () => {
    const a = only(roundTrip(input({ attributes: [] })), A, 'Assertion');
    assert.deepEqual(names(a), ['saml:Issuer', 'saml:Subject', 'saml:Conditions', 'saml:AuthnStatement']);
  });

  test('markup characters and unicode survive escaping in text and attributes', () => {
    const nasty = `a<b>&c"d'e</saml:AttributeValue><x/>]]>é中😀`;
    const r = roundTrip(
      input({
        issuer: `https://idp/?a=1&b="2"<`,
        nameId: { value: nasty, format: 'emailAddress' },
        sessionIndex: `s"'<>&`,
        attributes: [{ name: `n"'<>&`, values: [nasty, '', '  spaced\tand\nnewline  '] }],
      }),
    );
    assert.equal(only(r, A, 'Issuer').textContent, `https://idp/?a=1&b="2"<`);
    const a = only(r, A, 'Assertion');
    const nameId = only(only(a, A, 'Subject'), A, 'NameID');
    assert.equal(nameId.textContent, nasty);
    assert.equal(nameId.getAttribute('Format'), 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress');
    assert.equal(only(a, A, 'AuthnStatement').getAttribute('SessionIndex'), `s"'<>&`);
    const attr = only(only(a, A, 'AttributeStatement'), A, 'Attribute');
    assert.equal(attr.getAttribute('Name'), `n"'<>&`);
    assert.deepEqual(
      children(attr).map((v) => v.textContent),
      [nasty, '', '  spaced\tand\nnewline  '],
    );
    // the injected closing tag did not create elements
    assert.equal(children(attr).length, 3);
  });

  test('each NameID format maps to its URI', () => {
    const expected = {
      persistent: 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent',
      transient: 'urn:oasis:names:tc:SAML:2.0:nameid-format:transient',
      emailAddress: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
      unspecified: 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified',
    } as const;
    for (const [format, uri] of Object.entries(expected)) {
      const a = only(roundTrip(input({ nameId: { value: 'x', format: format as keyof typeof expected } })), A, 'Assertion');
      assert.equal(only(only(a, A, 'Subject'), A, 'NameID').getAttribute('Format'), uri);
    }
  });

  test('default IDs are fresh NCNames', () => {
    const i = input();
    delete i.responseId;
    delete i.assertionId;
    const r = roundTrip(i);
    const a = only(r, A, 'Assertion');
    assert.match(r.getAttribute('ID') ?? '', /^_[0-9a-f]{40}$/);
    assert.match(a.getAttribute('ID') ?? '', /^_[0-9a-f]{40}$/);
    assert.notEqual(r.getAttribute('ID'), a.getAttribute('ID'));
  });

  test('a control character in a value is refused with ERR_VALIDATION naming the field', () => {
    assert.throws(
      () => buildSamlResponse(input({ attributes: [{ name: 'x', values: ['ok', 'bad\u0001'] }] })),
      (e: unknown) =>
        isRolegateError(e, 'ERR_VALIDATION') &&
        e.field === 'attributes[0].values[1]' &&
        e.message === 'attributes[0].values[1] contains a character that XML cannot carry',
    );
    assert.throws(
      () => buildSamlResponse(input({ nameId: { value: 'x\uD800', format: 'persistent' } })),
      (e: unknown) => isRolegateError(e, 'ERR_VALIDATION') && e.field === 'nameId.value',
    );
  });

  test('a carriage return in text is refused because it would not arrive unchanged', () => {
    assert.throws(
      () => buildSamlResponse(input({ attributes: [{ name: 'x', values: ['a\r\nb'] }] })),
      (e: unknown) =>
        isRolegateError(e, 'ERR_VALIDATION') &&
        e.message === 'attributes[0].values[0] contains a carriage return, which XML text cannot carry unchanged',
    );
  });

  test('caller mistakes throw TypeError', () => {
    assert.throws(() => buildSamlResponse(input({ now: new Date('nope') })), TypeError);
    assert.throws(() => buildSamlResponse(input({ lifetimeSeconds: 0 })), TypeError);
    assert.throws(() => buildSamlResponse(input({ audience: '' })), TypeError);
    assert.throws(() => buildSamlResponse(input({ assertionId: '1abc' })), TypeError);
    assert.throws(
      () => buildSamlResponse(input({ nameId: { value: 'x', format: 'kerberos' as 'persistent' } })),
      TypeError,
    );
  });
});

test('formatSamlInstant drops milliseconds and is UTC with Z', () => {
  assert.equal(formatSamlInstant(new Date('2030-12-31T23:59:59.999+02:00')), '2030-12-31T21:59:59Z');
});
