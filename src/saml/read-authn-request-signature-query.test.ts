import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isRolegateError } from '../errors/rolegate-error.ts';
import { readRedirectBindingQuery } from './read-authn-request-signature-query.ts';

describe('readRedirectBindingQuery', () => {
  test('signed octets are SAMLRequest, RelayState, SigAlg in that order, values exactly as received', () => {
    const q = readRedirectBindingQuery('?Signature=c2ln%2bZz%3d%3D&SigAlg=http%3a%2F%2Falg&x=1&RelayState=a+b%2Fc&SAMLRequest=ab%2bcd%3D');
    assert.equal(q.signedOctets, 'SAMLRequest=ab%2bcd%3D&RelayState=a+b%2Fc&SigAlg=http%3a%2F%2Falg');
    assert.equal(q.carriedQuery, 'SAMLRequest=ab%2bcd%3D&RelayState=a+b%2Fc&SigAlg=http%3a%2F%2Falg&Signature=c2ln%2bZz%3d%3D');
    assert.deepEqual(
      { samlRequest: q.samlRequest, relayState: q.relayState, sigAlg: q.sigAlg, signature: q.signature },
      { samlRequest: 'ab+cd=', relayState: 'a b/c', sigAlg: 'http://alg', signature: 'c2ln+Zz==' },
    );
  });

  test('RelayState only when present, also when empty; no SigAlg or Signature for an unsigned request', () => {
    const unsigned = readRedirectBindingQuery('SAMLRequest=abc');
    assert.deepEqual(unsigned, { samlRequest: 'abc', signedOctets: 'SAMLRequest=abc', carriedQuery: 'SAMLRequest=abc' });
    assert.equal(readRedirectBindingQuery('SAMLRequest=abc&RelayState=').signedOctets, 'SAMLRequest=abc&RelayState=');
    assert.equal(readRedirectBindingQuery('SAMLRequest=abc&RelayState=').relayState, '');
  });

  test('a repeated parameter, a missing SAMLRequest or broken percent-encoding is refused', () => {
    const cases: Array<[string, RegExp]> = [
      ['SAMLRequest=a&SAMLRequest=b', /SAMLRequest parameter appears more than once/],
      ['SAMLRequest=a&Signature=x&Signature=y', /Signature parameter appears more than once/],
      ['SAMLRequest=a&RelayState=x&RelayState=x', /RelayState parameter appears more than once/],
      ['RelayState=x', /SAMLRequest parameter is missing/],
      ['', /SAMLRequest parameter is missing/],
      ['SAMLRequest=%E0%A4%A', /SAMLRequest is not validly URL-encoded/],
    ];
    for (const [search, message] of cases) {
      assert.throws(() => readRedirectBindingQuery(search), (e: unknown) => isRolegateError(e, 'ERR_SAML_REQUEST_INVALID') && message.test(e.message), search);
    }
  });
});
