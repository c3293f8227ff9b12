import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import {
  decodePostAuthnRequest,
  decodeRedirectAuthnRequest,
  MAX_AUTHN_REQUEST_BYTES,
  parseAuthnRequest,
} from './parse-authn-request.ts';
import { isRolegateError, type ErrorCode } from '../errors/rolegate-error.ts';

const NOW = new Date('2025-03-04T05:06:07Z');
const FIXTURES = new URL('../../test/fixtures/saml/', import.meta.url);

interface RequestParts {
  rootName?: string;
  rootNs?: string;
  attrs?: Record<string, string | undefined>;
  inner?: string;
}

/** A test AuthnRequest; attrs set to undefined are left out. */
function request(parts: RequestParts = {}): string {
  const attrs: Record<string, string | undefined> = {
    ID: '_req0123456789abcdef',
    Version: '2.0',
    IssueInstant: '2025-03-04T05:05:00Z',
    Destination: 'https://idp.example.test/saml/app1/sso',
    AssertionConsumerServiceURL: 'https://sp.example.test/acs',
    ProtocolBinding: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST',
    ...parts.attrs,
  };
  const attrText = Object.entries(attrs)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${v}"`)
    .join('');
  const inner =
    parts.inner ??
    '<saml:Issuer>https://sp.example.test/metadata</saml:Issuer>' +
      '<samlp:NameIDPolicy Format="urn:oasis:names:tc:SAML:2.0:nameid-format:persistent" AllowCreate="true"/>';
  const name = parts.rootName ?? 'samlp:AuthnRequest';
  return (
    `<${name} xmlns:samlp="${parts.rootNs ?? 'urn:oasis:names:tc:SAML:2.0:protocol'}" ` +
    `xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion"${attrText}>${inner}</${name}>`
  );
}

function refused(code: ErrorCode, message: string, field?: string) {
  return (e: unknown): boolean => {
    assert.ok(isRolegateError(e), `expected a RolegateError, got ${String(e)}`);
    assert.equal(e.code, code);
    assert.equal(e.message, message);
    if (field !== undefined) assert.equal(e.field, field);
    return true;
  };
}

const invalidRequest = (message: string, field?: string) => refused('ERR_SAML_REQUEST_INVALID', message, field);

describe('decodeRedirectAuthnRequest', () => {
  test('round-trips base64 of raw DEFLATE', () => {
    const xml = request();
    const param = deflateRawSync(Buffer.from(xml, 'utf8')).toString('base64');
    assert.equal(decodeRedirectAuthnRequest(param), xml);
  });

  test('keeps non-ASCII text intact', () => {
    const xml = request({ inner: '<saml:Issuer>https://sp.example.test/é😀</saml:Issuer>' });
    assert.equal(decodeRedirectAuthnRequest(deflateRawSync(Buffer.from(xml)).toString('base64')), xml);
  });

  test('a deflate bomb is stopped at the 64 KiB cap', () => {
    const bomb = deflateRawSync(Buffer.alloc(10 * 1024 * 1024, 0x20)).toString('base64');
    assert.ok(bomb.length < 20_000, 'the bomb itself is small');
    assert.throws(
      () => decodeRedirectAuthnRequest(bomb),
      refused('ERR_XML_TOO_LARGE', 'SAMLRequest inflates to more than 65536 bytes', 'SAMLRequest'),
    );
  });

  test('exactly 64 KiB inflated is accepted, one byte more is not', () => {
    assert.equal(MAX_AUTHN_REQUEST_BYTES, 65536);
    const atCap = deflateRawSync(Buffer.alloc(65536, 0x61)).toString('base64');
    assert.equal(decodeRedirectAuthnRequest(atCap).length, 65536);
    const overCap = deflateRawSync(Buffer.alloc(65537, 0x61)).toString('base64');
    assert.throws(() => decodeRedirectAuthnRequest(overCap), refused('ERR_XML_TOO_LARGE', 'SAMLRequest inflates to more than 65536 bytes'));
  });

  test('an over-long parameter is refused before decoding', () => {
    assert.throws(
      () => decodeRedirectAuthnRequest('A'.repeat(100_000)),
      refused('ERR_XML_TOO_LARGE', 'SAMLRequest is more than 87384 base64 characters', 'SAMLRequest'),
    );
  });

  test('text that is not base64 is refused, not silently skipped', () => {
    const good = deflateRawSync(Buffer.from(request())).toString('base64');
    // a '+' turned into a space by a wrong form decoding
    const damaged = good.replace(/\+/, ' ');
    assert.notEqual(damaged, good);
    assert.throws(() => decodeRedirectAuthnRequest(damaged), invalidRequest('SAMLRequest is not valid base64', 'SAMLRequest'));
    assert.throws(() => decodeRedirectAuthnRequest('abc'), invalidRequest('SAMLRequest is not valid base64'));
    assert.throws(() => decodeRedirectAuthnRequest(''), invalidRequest('SAMLRequest is empty'));
  });

  test('base64 that is not DEFLATE, or inflates to non-UTF-8, is refused', () => {
    assert.throws(
      () => decodeRedirectAuthnRequest(Buffer.from(request()).toString('base64')),
      invalidRequest('SAMLRequest is not raw DEFLATE data'),
    );
    const truncated = deflateRawSync(Buffer.from(request())).subarray(0, 20).toString('base64');
    assert.throws(() => decodeRedirectAuthnRequest(truncated), invalidRequest('SAMLRequest is not raw DEFLATE data'));
    const latin1 = deflateRawSync(Buffer.from([0x3c, 0x78, 0xe9, 0x3e])).toString('base64');
    assert.throws(() => decodeRedirectAuthnRequest(latin1), invalidRequest('SAMLRequest is not UTF-8 text'));
  });
});

describe('decodePostAuthnRequest', () => {
  test('round-trips base64 of the UTF-8 bytes, tolerating line wrapping', () => {
    const xml = request({ inner: '<saml:Issuer>https://sp.example.test/é</saml:Issuer>' });
    const wrapped = Buffer.from(xml, 'utf8').toString('base64').replace(/(.{76})/g, '$1\r\n');
    assert.ok(wrapped.includes('\r\n'));
    assert.equal(decodePostAuthnRequest(wrapped), xml);
  });

  test('more than 64 KiB is refused', () => {
    const big = Buffer.alloc(65537, 0x61).toString('base64');
    assert.throws(() => decodePostAuthnRequest(big), refused('ERR_XML_TOO_LARGE', 'SAMLRequest is more than 65536 bytes'));
  });
});

describe('parseAuthnRequest', () => {
  test('reads the fields of a valid request', () => {
    assert.deepEqual(parseAuthnRequest(request(), NOW), {
      id: '_req0123456789abcdef',
      issuer: 'https://sp.example.test/metadata',
      issueInstant: new Date('2025-03-04T05:05:00Z'),
      destination: 'https://idp.example.test/saml/app1/sso',
      assertionConsumerServiceUrl: 'https://sp.example.test/acs',
      protocolBinding: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST',
      forceAuthn: false,
      isPassive: false,
      nameIdPolicyFormat: 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent',
    });
  });

  test('optional fields are absent when the request leaves them out', () => {
    const parsed = parseAuthnRequest(
      request({
        attrs: { Destination: undefined, AssertionConsumerServiceURL: undefined, ProtocolBinding: undefined },
        inner: '<saml:Issuer>urn:sp</saml:Issuer>',
      }),
      NOW,
    );
    assert.deepEqual(Object.keys(parsed).sort(), ['forceAuthn', 'id', 'isPassive', 'issueInstant', 'issuer']);
  });

  test('ForceAuthn and IsPassive follow xs:boolean', () => {
    const p = parseAuthnRequest(request({ attrs: { ForceAuthn: 'true', IsPassive: '1' } }), NOW);
    assert.equal(p.forceAuthn, true);
    assert.equal(p.isPassive, true);
    const q = parseAuthnRequest(request({ attrs: { ForceAuthn: 'false', IsPassive: '0' } }), NOW);
    assert.equal(q.forceAuthn, false);
    assert.equal(q.isPassive, false);
    assert.throws(
      () => parseAuthnRequest(request({ attrs: { ForceAuthn: 'yes' } }), NOW),
      invalidRequest('AuthnRequest ForceAuthn must be true or false, found "yes"', 'ForceAuthn'),
    );
  });

  test('the redirect-decoded text parses to the same request', () => {
    const xml = request();
    const decoded = decodeRedirectAuthnRequest(deflateRawSync(Buffer.from(xml)).toString('base64'));
    assert.deepEqual(parseAuthnRequest(decoded, NOW), parseAuthnRequest(xml, NOW));
  });

  test('a DOCTYPE (entity expansion) is refused before parsing', () => {
    const xml = readFileSync(new URL('authn-request.doctype-billion-laughs.xml', FIXTURES), 'utf8');
    assert.throws(
      () => parseAuthnRequest(xml, NOW),
      refused('ERR_XML_UNSAFE', 'XML document contains a DTD or entity declaration, which is refused'),
    );
  });

  test('an external entity (XXE) is refused before parsing', () => {
    const xml = readFileSync(new URL('authn-request.doctype-external-entity-xxe.xml', FIXTURES), 'utf8');
    assert.throws(() => parseAuthnRequest(xml, NOW), refused('ERR_XML_UNSAFE', 'XML document contains a DTD or entity declaration, which is refused'));
  });

  test('malformed XML is refused', () => {
    assert.throws(
      () => parseAuthnRequest('<samlp:AuthnRequest', NOW),
      (e: unknown) => isRolegateError(e, 'ERR_XML_MALFORMED'),
    );
  });

  test('a root that is not samlp:AuthnRequest is refused', () => {
    assert.throws(
      () => parseAuthnRequest(request({ rootName: 'samlp:Response' }), NOW),
      invalidRequest(
        'the root element must be samlp:AuthnRequest in urn:oasis:names:tc:SAML:2.0:protocol, found "Response" in "urn:oasis:names:tc:SAML:2.0:protocol"',
        'root',
      ),
    );
  });

  test('an AuthnRequest in another namespace is refused', () => {
    assert.throws(
      () => parseAuthnRequest(request({ rootNs: 'urn:oasis:names:tc:SAML:1.0:protocol' }), NOW),
      invalidRequest(
        'the root element must be samlp:AuthnRequest in urn:oasis:names:tc:SAML:2.0:protocol, found "AuthnRequest" in "urn:oasis:names:tc:SAML:1.0:protocol"',
      ),
    );
  });

  test('Version other than 2.0 is refused', () => {
    assert.throws(
      () => parseAuthnRequest(request({ attrs: { Version: '1.1' } }), NOW),
      invalidRequest('AuthnRequest Version must be 2.0, found "1.1"', 'Version'),
    );
    assert.throws(
      () => parseAuthnRequest(request({ attrs: { Version: undefined } }), NOW),
      invalidRequest('AuthnRequest Version must be 2.0, found nothing', 'Version'),
    );
  });

  test('a missing or non-NCName ID is refused', () => {
    assert.throws(() => parseAuthnRequest(request({ attrs: { ID: undefined } }), NOW), invalidRequest('AuthnRequest has no ID', 'ID'));
    assert.throws(() => parseAuthnRequest(request({ attrs: { ID: '' } }), NOW), invalidRequest('AuthnRequest has no ID', 'ID'));
    assert.throws(
      () => parseAuthnRequest(request({ attrs: { ID: '1abc' } }), NOW),
      invalidRequest('AuthnRequest ID is not a valid xs:ID', 'ID'),
    );
    assert.throws(
      () => parseAuthnRequest(request({ attrs: { ID: 'a b' } }), NOW),
      invalidRequest('AuthnRequest ID is not a valid xs:ID', 'ID'),
    );
  });

  test('a missing, repeated, empty or wrong-namespace Issuer is refused', () => {
    assert.throws(
      () => parseAuthnRequest(request({ inner: '<samlp:NameIDPolicy/>' }), NOW),
      invalidRequest('AuthnRequest has no saml:Issuer', 'Issuer'),
    );
    assert.throws(
      () => parseAuthnRequest(request({ inner: '<samlp:Issuer>https://sp</samlp:Issuer>' }), NOW),
      invalidRequest('AuthnRequest has no saml:Issuer', 'Issuer'),
    );
    assert.throws(
      () => parseAuthnRequest(request({ inner: '<saml:Issuer>a</saml:Issuer><saml:Issuer>b</saml:Issuer>' }), NOW),
      invalidRequest('AuthnRequest has more than one saml:Issuer', 'Issuer'),
    );
    assert.throws(
      () => parseAuthnRequest(request({ inner: '<saml:Issuer>  </saml:Issuer>' }), NOW),
      invalidRequest('AuthnRequest saml:Issuer is empty', 'Issuer'),
    );
    assert.throws(
      () =>
        parseAuthnRequest(
          request({ inner: '<saml:Issuer Format="urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress">a@b</saml:Issuer>' }),
          NOW,
        ),
      invalidRequest('AuthnRequest Issuer Format must be the entity format', 'Issuer'),
    );
  });

  test('IssueInstant window: 10 minutes back and 5 minutes ahead, inclusive', () => {
    const at = (instant: string) => parseAuthnRequest(request({ attrs: { IssueInstant: instant } }), NOW).issueInstant;
    assert.deepEqual(at('2025-03-04T04:56:07Z'), new Date('2025-03-04T04:56:07Z'));
    assert.deepEqual(at('2025-03-04T05:11:07Z'), new Date('2025-03-04T05:11:07Z'));
    assert.throws(
      () => at('2025-03-04T04:56:06Z'),
      invalidRequest('AuthnRequest IssueInstant is more than 10 minutes old', 'IssueInstant'),
    );
    assert.throws(
      () => at('2025-03-04T05:11:08Z'),
      invalidRequest('AuthnRequest IssueInstant is more than 5 minutes in the future', 'IssueInstant'),
    );
  });

  test('IssueInstant must be a real UTC instant', () => {
    const at = (instant: string | undefined) => () => parseAuthnRequest(request({ attrs: { IssueInstant: instant } }), NOW);
    assert.throws(at(undefined), invalidRequest('AuthnRequest has no IssueInstant', 'IssueInstant'));
    assert.throws(
      at('2025-03-04T06:06:07+01:00'),
      invalidRequest('AuthnRequest IssueInstant is not a UTC xs:dateTime: "2025-03-04T06:06:07+01:00"', 'IssueInstant'),
    );
    assert.throws(at('2025-02-30T05:06:07Z'), invalidRequest('AuthnRequest IssueInstant is not a UTC xs:dateTime: "2025-02-30T05:06:07Z"'));
    assert.throws(at('yesterday'), invalidRequest('AuthnRequest IssueInstant is not a UTC xs:dateTime: "yesterday"'));
    assert.deepEqual(
      parseAuthnRequest(request({ attrs: { IssueInstant: '2025-03-04T05:06:07.1234567Z' } }), NOW).issueInstant,
      new Date('2025-03-04T05:06:07.123Z'),
    );
  });

  test('a Signature element is ignored, not trusted and not refused', () => {
    const withSignature = request({
      inner:
        '<saml:Issuer>https://sp.example.test/metadata</saml:Issuer>' +
        '<ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:SignatureValue>bm90IGEgc2lnbmF0dXJl</ds:SignatureValue></ds:Signature>',
    });
    const parsed = parseAuthnRequest(withSignature, NOW);
    assert.equal(parsed.issuer, 'https://sp.example.test/metadata');
    assert.equal('signatureVerified' in parsed, false);
  });

  test('two NameIDPolicy elements are refused', () => {
    assert.throws(
      () =>
        parseAuthnRequest(request({ inner: '<saml:Issuer>urn:sp</saml:Issuer><samlp:NameIDPolicy/><samlp:NameIDPolicy/>' }), NOW),
      invalidRequest('AuthnRequest has more than one NameIDPolicy', 'NameIDPolicy'),
    );
  });

  test('an empty optional attribute is refused rather than read as absent', () => {
    assert.throws(
      () => parseAuthnRequest(request({ attrs: { AssertionConsumerServiceURL: '' } }), NOW),
      invalidRequest('AuthnRequest AssertionConsumerServiceURL is empty', 'AssertionConsumerServiceURL'),
    );
  });
});
