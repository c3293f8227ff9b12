import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildPostBindingFields } from './post-binding.ts';

test('SAMLResponse is the base64 of the UTF-8 bytes', () => {
  const xml = '<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol">é😀</samlp:Response>';
  const fields = buildPostBindingFields(xml);
  assert.deepEqual(Object.keys(fields), ['SAMLResponse']);
  assert.equal(Buffer.from(fields.SAMLResponse, 'base64').toString('utf8'), xml);
  assert.match(fields.SAMLResponse, /^[A-Za-z0-9+/]+=*$/, 'one line, no wrapping');
  assert.equal(fields.SAMLResponse, 'PHNhbWxwOlJlc3BvbnNlIHhtbG5zOnNhbWxwPSJ1cm46b2FzaXM6bmFtZXM6dGM6U0FNTDoyLjA6cHJvdG9jb2wiPsOp8J+YgDwvc2FtbHA6UmVzcG9uc2U+');
});

test('RelayState is passed back unchanged, including an empty one', () => {
  assert.deepEqual(buildPostBindingFields('<x/>', 'https://console.aws.amazon.com/?a=1&b=<2>'), {
    SAMLResponse: 'PHgvPg==',
    RelayState: 'https://console.aws.amazon.com/?a=1&b=<2>',
  });
  assert.deepEqual(buildPostBindingFields('<x/>', ''), { SAMLResponse: 'PHgvPg==', RelayState: '' });
});

test('an empty message is a programming mistake', () => {
  assert.throws(() => buildPostBindingFields(''), TypeError);
});
