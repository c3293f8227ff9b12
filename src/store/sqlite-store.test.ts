import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { chmodSync, closeSync, mkdirSync, mkdtempSync, openSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { after, describe, test } from 'node:test';
import Sqlite from 'better-sqlite3';
import { isRolegateError } from '../errors/rolegate-error.ts';
import { makeUser } from './contract/fixtures.ts';
import { openStore } from './open-store.ts';
import { defineStoreContract } from './store-contract.ts';

const root = mkdtempSync(join(tmpdir(), 'rolegate-sqlite-store-'));
after(() => rmSync(root, { recursive: true, force: true }));
let counter = 0;
const freshDir = () => join(root, `data-${counter++}`, 'nested');

defineStoreContract('sqlite', () => openStore({ dataDir: freshDir() }));

describe('openStore on SQLite', () => {
  test('creates the data directory 0700 and <dataDir>/rolegate.db in WAL mode', async () => {
    const dataDir = freshDir();
    const store = await openStore({ dataDir });
    await store.close();
    assert.equal(statSync(dataDir).mode & 0o777, 0o700);
    const raw = new Sqlite(join(dataDir, 'rolegate.db'), { readonly: true });
    try {
      assert.equal(raw.pragma('journal_mode', { simple: true }), 'wal');
      const tables = raw
        .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name")
        .pluck()
        .all();
      assert.deepEqual(tables, [
        'api_tokens', 'app_roles', 'apps', 'assignments', 'group_members', 'groups',
        'kysely_migration', 'kysely_migration_lock', 'settings', 'signing_certificates', 'sso_sessions', 'users',
      ]);
      assert.deepEqual(raw.prepare('select name from kysely_migration').pluck().all(), ['0001-initial', '0002-authn-request-signing', '0003-one-active-certificate']);
    } finally {
      raw.close();
    }
  });

  test('the database and its -wal and -shm files are 0600, and files left 0644 by an older version are tightened', async () => {
    const modes = (dataDir: string) =>
      ['rolegate.db', 'rolegate.db-wal', 'rolegate.db-shm'].map((name) => (statSync(join(dataDir, name)).mode & 0o777).toString(8));
    const fresh = freshDir();
    const store = await openStore({ dataDir: fresh });
    try {
      await store.settings.set('k', 'v');
      assert.deepEqual(modes(fresh), ['600', '600', '600']);
    } finally {
      await store.close();
    }

    const old = freshDir();
    mkdirSync(old, { recursive: true, mode: 0o700 });
    for (const name of ['rolegate.db', 'rolegate.db-wal', 'rolegate.db-shm']) {
      closeSync(openSync(join(old, name), 'w', 0o644));
      chmodSync(join(old, name), 0o644);
    }
    const reopened = await openStore({ dataDir: old });
    try {
      assert.deepEqual(modes(old), ['600', '600', '600']);
    } finally {
      await reopened.close();
    }
  });

  test('reopening keeps the data and applies no migration twice', async () => {
    const dataDir = freshDir();
    const user = makeUser();
    const first = await openStore({ dataDir, databaseUrl: '' });
    await first.users.insert(user, 'hash');
    await first.close();
    const second = await openStore({ dataDir });
    assert.deepEqual(await second.users.get(user.id), user);
    await second.close();
  });

  test('processes starting at once on a new file migrate it once and all work', async () => {
    const dataDir = freshDir();
    const openStoreModule = fileURLToPath(new URL('./open-store.ts', import.meta.url));
    const run = promisify(execFile);
    const starts = [0, 1, 2, 3].map((n) =>
      run(process.execPath, [
        '--import', 'tsx', '--input-type=module', '-e',
        `import { openStore } from ${JSON.stringify(openStoreModule)};
         const store = await openStore({ dataDir: ${JSON.stringify(dataDir)} });
         await store.settings.set('started.${n}', 'yes');
         await store.close();`,
      ]),
    );
    await Promise.all(starts);
    const store = await openStore({ dataDir });
    try {
      for (const n of [0, 1, 2, 3]) assert.equal(await store.settings.get(`started.${n}`), 'yes');
    } finally {
      await store.close();
    }
    const raw = new Sqlite(join(dataDir, 'rolegate.db'), { readonly: true });
    try {
      assert.deepEqual(raw.prepare('select name from kysely_migration').pluck().all(), ['0001-initial', '0002-authn-request-signing', '0003-one-active-certificate']);
    } finally {
      raw.close();
    }
  });

  test('refuses a non-PostgreSQL URL without echoing it, and a schema without PostgreSQL', async () => {
    const secretUrl = 'mysql://admin:hunter2@db/rolegate';
    await assert.rejects(openStore({ dataDir: freshDir(), databaseUrl: secretUrl }), (error: unknown) =>
      isRolegateError(error, 'ERR_CONFIG') && !error.message.includes('hunter2'),
    );
    await assert.rejects(openStore({ dataDir: freshDir(), schema: 'x' }), (error: unknown) =>
      isRolegateError(error, 'ERR_CONFIG') && error.field === 'schema',
    );
  });
});
