import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { after, describe, test } from 'node:test';
import Sqlite from 'better-sqlite3';
import pino from 'pino';
import { sealedKeyContext } from '../core/apps/certificates.ts';
import { isRolegateError } from '../errors/rolegate-error.ts';
import { makeApp, makeCertificate } from '../store/contract/fixtures.ts';
import { MASTER_KEY_CHECK_SETTING } from './check-master-key.ts';
import { loadConfig } from '../config/config-schema.ts';
import { openRuntime } from './open-runtime.ts';

const root = mkdtempSync(join(tmpdir(), 'rolegate-runtime-'));
after(() => rmSync(root, { recursive: true, force: true }));
let counter = 0;
const freshDir = () => join(root, `d${counter++}`);

/** A logger whose lines are kept, parsed, for assertions. */
function captureLogger(): { logger: pino.Logger; lines: Array<{ level: number; msg: string; [key: string]: unknown }> } {
  const lines: Array<{ level: number; msg: string }> = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: pino({ level: 'info' }, sink), lines };
}

describe('openRuntime: the data directory', () => {
  test('warns when a pre-existing data directory is open to group or others, naming chmod 700', async () => {
    const dataDir = freshDir();
    mkdirSync(dataDir);
    chmodSync(dataDir, 0o755);
    const { logger, lines } = captureLogger();
    const ctx = await openRuntime(loadConfig({ ROLEGATE_DATA_DIR: dataDir }), logger);
    await ctx.store.close();
    const warning = lines.find((l) => l.level === 40 && l.msg.includes(`chmod 700 ${dataDir}`));
    assert.ok(warning, JSON.stringify(lines));
  });

  test('says nothing about a private one', async () => {
    const dataDir = freshDir();
    const { logger, lines } = captureLogger();
    const ctx = await openRuntime(loadConfig({ ROLEGATE_DATA_DIR: dataDir }), logger);
    await ctx.store.close();
    assert.ok(!lines.some((l) => l.msg.includes('chmod 700')), JSON.stringify(lines));
  });
});

describe('openRuntime: the master key must be the one the database was set up with', () => {
  const KEY_A = 'aa'.repeat(32);
  const KEY_B = 'bb'.repeat(32);
  const refusesWith = (pattern: RegExp, secret?: string) => (error: unknown) => {
    assert.ok(isRolegateError(error, 'ERR_CONFIG'), String(error));
    assert.match(error.message, pattern);
    assert.match(error.message, /set ROLEGATE_MASTER_KEY to the key the database was set up with/);
    if (secret !== undefined) assert.ok(!error.message.includes(secret));
    return true;
  };

  test('the first start records a key check in the settings; the same key opens it again', async () => {
    const dataDir = freshDir();
    const first = await openRuntime(loadConfig({ ROLEGATE_DATA_DIR: dataDir }));
    const check = await first.store.settings.get(MASTER_KEY_CHECK_SETTING);
    await first.store.close();
    assert.match(check ?? '', /^v1\./);
    assert.ok(!check!.includes(readFileSync(join(dataDir, 'master.key')).toString('hex')));
    const again = await openRuntime(loadConfig({ ROLEGATE_DATA_DIR: dataDir }));
    assert.equal(await again.store.settings.get(MASTER_KEY_CHECK_SETTING), check);
    await again.store.close();
  });

  test('another key (ROLEGATE_MASTER_KEY or a replaced master.key) is refused before anything is sealed', async () => {
    const dataDir = freshDir();
    const first = await openRuntime(loadConfig({ ROLEGATE_DATA_DIR: dataDir, ROLEGATE_MASTER_KEY: KEY_A }));
    await first.store.close();
    await assert.rejects(openRuntime(loadConfig({ ROLEGATE_DATA_DIR: dataDir, ROLEGATE_MASTER_KEY: KEY_B })), refusesWith(/from ROLEGATE_MASTER_KEY/, KEY_B));
    writeFileSync(join(dataDir, 'master.key'), Buffer.from(KEY_B, 'hex'), { mode: 0o600 });
    await assert.rejects(openRuntime(loadConfig({ ROLEGATE_DATA_DIR: dataDir })), refusesWith(new RegExp(`from ${join(dataDir, 'master.key')}`), KEY_B));
    const right = await openRuntime(loadConfig({ ROLEGATE_DATA_DIR: dataDir, ROLEGATE_MASTER_KEY: KEY_A }));
    await right.store.close();
  });

  test('a database with secrets and no key anywhere is refused, and no new key file is made', async () => {
    const dataDir = freshDir();
    const first = await openRuntime(loadConfig({ ROLEGATE_DATA_DIR: dataDir }));
    await first.store.close();
    rmSync(join(dataDir, 'master.key'));
    await assert.rejects(openRuntime(loadConfig({ ROLEGATE_DATA_DIR: dataDir })), refusesWith(/ROLEGATE_MASTER_KEY is not set and .*master\.key does not exist/));
    assert.throws(() => statSync(join(dataDir, 'master.key')), { code: 'ENOENT' });
  });

  test('a database from before the key check is checked against a sealed signing key, then gets its check', async () => {
    const dataDir = freshDir();
    const first = await openRuntime(loadConfig({ ROLEGATE_DATA_DIR: dataDir, ROLEGATE_MASTER_KEY: KEY_A }));
    const app = await first.store.apps.insert(makeApp());
    const certificate = makeCertificate(app.id);
    await first.store.certificates.insert(certificate, { certificateId: certificate.id, sealedKey: first.secrets.seal('PEM', sealedKeyContext(certificate.id)) });
    await first.store.close();
    // As a database written before the check existed.
    const raw = new Sqlite(join(dataDir, 'rolegate.db'));
    raw.prepare('delete from settings where key = ?').run(MASTER_KEY_CHECK_SETTING);
    raw.close();

    await assert.rejects(openRuntime(loadConfig({ ROLEGATE_DATA_DIR: dataDir, ROLEGATE_MASTER_KEY: KEY_B })), refusesWith(/cannot open this database's secrets/));
    const right = await openRuntime(loadConfig({ ROLEGATE_DATA_DIR: dataDir, ROLEGATE_MASTER_KEY: KEY_A }));
    assert.ok(await right.store.settings.get(MASTER_KEY_CHECK_SETTING));
    await right.store.close();
  });
});
