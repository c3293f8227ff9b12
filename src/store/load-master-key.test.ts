import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { isRolegateError } from '../errors/rolegate-error.ts';
import { loadMasterKey } from './secret-box.ts';

const root = mkdtempSync(join(tmpdir(), 'rolegate-master-key-'));
after(() => rmSync(root, { recursive: true, force: true }));
let counter = 0;
const freshDir = () => join(root, `d${counter++}`);

const HEX = '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff';
const BYTES = Buffer.from(HEX, 'hex');

function assertConfig(fn: () => unknown, secret?: string): void {
  assert.throws(fn, (error: unknown) => {
    assert.ok(isRolegateError(error, 'ERR_CONFIG'), String(error));
    if (secret !== undefined && secret.trim() !== '') assert.ok(!error.message.includes(secret.trim()));
    return true;
  });
}

describe('loadMasterKey from ROLEGATE_MASTER_KEY', () => {
  test('accepts 64 hex characters', () => {
    assert.deepEqual(loadMasterKey({ dataDir: freshDir(), envKey: HEX }), { key: BYTES, source: 'env' });
    assert.deepEqual(loadMasterKey({ dataDir: freshDir(), envKey: HEX.toUpperCase() }).key, BYTES);
  });

  test('accepts base64 and base64url of 32 bytes, padded or not', () => {
    const bytes = Buffer.from('fbff' + 'ab'.repeat(30), 'hex'); // encodes with + / and - _
    for (const text of [
      bytes.toString('base64'),
      bytes.toString('base64').replace(/=$/, ''),
      bytes.toString('base64url'),
      `${bytes.toString('base64url')}=`,
    ]) {
      assert.deepEqual(loadMasterKey({ dataDir: freshDir(), envKey: text }).key, bytes, text);
    }
  });

  test('refuses anything else without echoing it', () => {
    for (const bad of [
      '',
      'secret-password',
      HEX.slice(2),
      `${HEX}00`,
      Buffer.alloc(31, 1).toString('base64'),
      Buffer.alloc(33, 1).toString('base64'),
      `${Buffer.alloc(32, 1).toString('base64').slice(0, 20)}-+${Buffer.alloc(32, 1).toString('base64').slice(22)}`,
    ]) {
      assertConfig(() => loadMasterKey({ dataDir: freshDir(), envKey: bad }), bad);
    }
  });

  test('does not touch the data directory', () => {
    const dir = freshDir();
    loadMasterKey({ dataDir: dir, envKey: HEX });
    assert.throws(() => statSync(join(dir, 'master.key')), { code: 'ENOENT' });
  });
});

describe('loadMasterKey from <dataDir>/master.key', () => {
  test('creates 32 random bytes with mode 0600 in a 0700 directory, then reads them back', () => {
    const dir = freshDir();
    const created = loadMasterKey({ dataDir: dir });
    assert.equal(created.source, 'file-created');
    assert.equal(created.key.length, 32);
    const path = join(dir, 'master.key');
    assert.equal(statSync(path).mode & 0o777, 0o600);
    assert.equal(statSync(dir).mode & 0o777, 0o700);
    assert.deepEqual(readFileSync(path), created.key);
    assert.deepEqual(readdirSync(dir), ['master.key'], 'no temporary file left behind');
    assert.deepEqual(loadMasterKey({ dataDir: dir }), { key: created.key, source: 'file' });
  });

  test('with create: false, a missing file gives undefined and nothing is written', () => {
    const dir = freshDir();
    assert.equal(loadMasterKey({ dataDir: dir, create: false }), undefined);
    assert.deepEqual(readdirSync(dir), []);
    const created = loadMasterKey({ dataDir: dir });
    assert.deepEqual(loadMasterKey({ dataDir: dir, create: false }), { key: created.key, source: 'file' });
  });

  test('two directories get different keys', () => {
    assert.notDeepEqual(loadMasterKey({ dataDir: freshDir() }).key, loadMasterKey({ dataDir: freshDir() }).key);
  });

  test('refuses a key file readable by group or others, naming chmod', () => {
    const dir = freshDir();
    loadMasterKey({ dataDir: dir });
    const path = join(dir, 'master.key');
    for (const mode of [0o640, 0o604, 0o660]) {
      chmodSync(path, mode);
      assert.throws(
        () => loadMasterKey({ dataDir: dir }),
        (error: unknown) => isRolegateError(error, 'ERR_CONFIG') && error.message.includes(`chmod 600 ${path}`),
      );
    }
  });

  test('refuses a key file of the wrong size', () => {
    const dir = freshDir();
    loadMasterKey({ dataDir: dir });
    writeFileSync(join(dir, 'master.key'), Buffer.alloc(31), { mode: 0o600 });
    assertConfig(() => loadMasterKey({ dataDir: dir }));
  });
});
