import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, test } from 'node:test';
import { isRolegateError } from '../errors/rolegate-error.ts';
import { createSecretBox } from './secret-box.ts';

const key = Buffer.alloc(32, 7);

function assertCrypto(fn: () => unknown): void {
  assert.throws(fn, (error: unknown) => isRolegateError(error, 'ERR_CRYPTO') && error.expose === false);
}

describe('createSecretBox', () => {
  test('seals to v1.<iv>.<ciphertext+tag> and opens back', () => {
    const box = createSecretBox(key);
    const sealed = box.seal('-----BEGIN PRIVATE KEY-----\nécu', 'cert:1');
    assert.match(sealed, /^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$/);
    const [, iv, body] = sealed.split('.');
    assert.equal(Buffer.from(iv!, 'base64url').length, 12);
    // 33 UTF-8 bytes of plaintext + a 16-byte tag.
    assert.equal(Buffer.from(body!, 'base64url').length, Buffer.byteLength('-----BEGIN PRIVATE KEY-----\nécu') + 16);
    assert.equal(box.open(sealed, 'cert:1'), '-----BEGIN PRIVATE KEY-----\nécu');
  });

  test('uses a fresh IV for every seal', () => {
    const box = createSecretBox(key);
    assert.notEqual(box.seal('same', 'ad'), box.seal('same', 'ad'));
  });

  test('an empty plaintext round-trips', () => {
    const box = createSecretBox(key);
    assert.equal(box.open(box.seal('', 'ad'), 'ad'), '');
  });

  test('refuses other associated data', () => {
    const box = createSecretBox(key);
    const sealed = box.seal('secret', 'cert:1');
    assertCrypto(() => box.open(sealed, 'cert:2'));
  });

  test('refuses another key', () => {
    const sealed = createSecretBox(key).seal('secret', 'ad');
    assertCrypto(() => createSecretBox(randomBytes(32)).open(sealed, 'ad'));
  });

  test('refuses a flipped ciphertext bit, a flipped IV bit and a truncated tag', () => {
    const box = createSecretBox(key);
    const [version, iv, body] = box.seal('secret value', 'ad').split('.') as [string, string, string];
    const flip = (text: string, index: number) => {
      const bytes = Buffer.from(text, 'base64url');
      bytes[index] = bytes[index]! ^ 1;
      return bytes.toString('base64url');
    };
    assertCrypto(() => box.open(`${version}.${iv}.${flip(body, 0)}`, 'ad'));
    assertCrypto(() => box.open(`${version}.${flip(iv, 0)}.${body}`, 'ad'));
    const truncated = Buffer.from(body, 'base64url').subarray(0, -1).toString('base64url');
    assertCrypto(() => box.open(`${version}.${iv}.${truncated}`, 'ad'));
  });

  test('refuses malformed envelopes', () => {
    const box = createSecretBox(key);
    const [, iv, body] = box.seal('x', 'ad').split('.') as [string, string, string];
    for (const bad of ['', 'v1', `v2.${iv}.${body}`, `v1.${iv}`, `v1.${iv}.${body}.x`, `v1.${iv}.${body}+`, `v1.AAAA.${body}`]) {
      assertCrypto(() => box.open(bad, 'ad'));
    }
  });

  test('refuses a key that is not 32 bytes', () => {
    assert.throws(() => createSecretBox(Buffer.alloc(16)), TypeError);
  });
});
