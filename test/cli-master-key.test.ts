import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';

/**
 * Two data directories, one PostgreSQL database: a second node or a CLI run elsewhere must
 * not seal new signing keys with a master key of its own (they would fail on every other node).
 */
const BIN = new URL('../bin/rolegate.js', import.meta.url).pathname;
const url = process.env.ROLEGATE_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = `rolegate_test_${randomBytes(6).toString('hex')}`;
const root = mkdtempSync(join(tmpdir(), 'rolegate-cli-master-key-'));
const [dirA, dirB] = [join(root, 'node-a'), join(root, 'node-b')];
const databaseUrl = `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
const inCi = !['', '0', 'false'].includes((process.env.CI ?? '').toLowerCase());

function rolegate(dataDir: string, args: string[], env: Record<string, string> = {}) {
  const { ROLEGATE_MASTER_KEY: _inherited, ...outer } = process.env;
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { ...outer, ROLEGATE_DATA_DIR: dataDir, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn', ...env },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the master key on a shared PostgreSQL database', () => {
  let reachable = true;
  before(async () => {
    const admin = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
    try {
      await admin.connect();
      await admin.query(`create schema "${schema}"`);
    } catch (error) {
      if (inCi) throw error;
      reachable = false;
    } finally {
      await admin.end().catch(() => {});
    }
  });
  after(async () => {
    rmSync(root, { recursive: true, force: true });
    if (!reachable) return;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop schema if exists "${schema}" cascade`);
    await admin.end();
  });

  test('a run from another data directory is refused with what to do, and works with ROLEGATE_MASTER_KEY', (t) => {
    if (!reachable) return t.skip('PostgreSQL is unreachable');
    const created = rolegate(dirA, ['apps', 'create', '--name', 'AWS']);
    assert.equal(created.status, 0, created.stderr);
    assert.equal(JSON.parse(created.stdout).displayName, 'AWS', 'warnings go to stderr, never into the JSON');
    assert.match(created.stderr, /ROLEGATE_MASTER_KEY is not set.*only fit for a single node/);

    const elsewhere = rolegate(dirB, ['apps', 'create', '--name', 'AWS 2']);
    assert.equal(elsewhere.status, 1);
    assert.match(elsewhere.stderr, /set ROLEGATE_MASTER_KEY to the key the database was set up with.*\(ERR_CONFIG\)/);
    assert.ok(!existsSync(join(dirB, 'master.key')), 'no key of its own was made for a database that has one');

    const keyA = readFileSync(join(dirA, 'master.key')).toString('hex');
    const wrong = rolegate(dirB, ['apps', 'list'], { ROLEGATE_MASTER_KEY: 'cd'.repeat(32) });
    assert.equal(wrong.status, 1);
    assert.match(wrong.stderr, /The master key from ROLEGATE_MASTER_KEY cannot open this database's secrets/);
    assert.ok(!wrong.stderr.includes('cd'.repeat(32)) && !wrong.stderr.includes(keyA));

    const right = rolegate(dirB, ['apps', 'create', '--name', 'AWS 2'], { ROLEGATE_MASTER_KEY: keyA });
    assert.equal(right.status, 0, right.stderr);
    assert.doesNotMatch(right.stderr, /only fit for a single node/);
    assert.ok(!right.stderr.includes(keyA));
    const listed = rolegate(dirA, ['apps', 'list']);
    assert.equal(listed.stdout.trim().split('\n').length, 2, listed.stderr);
  });
});
