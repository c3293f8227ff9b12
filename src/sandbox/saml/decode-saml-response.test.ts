import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeSamlResponse } from './decode-saml-response.ts';
import { SandboxSamlError } from './sandbox-saml-error.ts';

const refused = (message: RegExp) => (error: unknown) =>
  error instanceof SandboxSamlError && error.code === 'InvalidIdentityToken' && error.check === 'check-encoding' && message.test(error.message);

describe('decodeSamlResponse', () => {
  test('decodes base64 to UTF-8 text, with the line breaks and spaces HTML forms add', () => {
    const encoded = Buffer.from('<r>é😀</r>', 'utf8').toString('base64');
    assert.equal(decodeSamlResponse(encoded), '<r>é😀</r>');
    assert.equal(decodeSamlResponse(`${encoded.slice(0, 4)}\r\n ${encoded.slice(4)}\n`), '<r>é😀</r>');
  });

  test('accepts one or two padding characters only at the very end', () => {
    assert.equal(decodeSamlResponse(Buffer.from('ab').toString('base64')), 'ab'); // YWI=
    assert.equal(decodeSamlResponse(Buffer.from('a').toString('base64')), 'a'); // YQ==
    assert.throws(() => decodeSamlResponse('YQ=a'), refused(/not valid base64/));
    assert.throws(() => decodeSamlResponse('Y===' ), refused(/not valid base64/));
    assert.throws(() => decodeSamlResponse('YQ==YWI='), refused(/not valid base64/));
  });

  test('refuses characters outside the alphabet, partial quanta and the URL-safe alphabet', () => {
    assert.throws(() => decodeSamlResponse('<samlp:Response/>'), refused(/not valid base64/));
    assert.throws(() => decodeSamlResponse('YWJj!'), refused(/not valid base64/));
    assert.throws(() => decodeSamlResponse('YWJjZ'), refused(/not valid base64/));
    assert.throws(() => decodeSamlResponse('-_-_'), refused(/not valid base64/));
  });

  test('refuses bytes that are not UTF-8, and drops a UTF-8 byte order mark', () => {
    assert.throws(() => decodeSamlResponse(Buffer.from([0x3c, 0xff, 0x3e]).toString('base64')), refused(/not valid UTF-8/));
    assert.equal(decodeSamlResponse(Buffer.from([0xef, 0xbb, 0xbf, 0x3c, 0x72, 0x2f, 0x3e]).toString('base64')), '<r/>');
  });
});
