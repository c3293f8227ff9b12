import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';

const BIN = new URL('../bin/rolegate.js', import.meta.url).pathname;
const SEED_001 = new URL('./fixtures/seed-001-app-roles.json', import.meta.url).pathname;
const dataDir = mkdtempSync(join(tmpdir(), 'rolegate-cli-'));

function rolegate(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    input,
    env: { ...process.env, ROLEGATE_DATA_DIR: dataDir, LOG_LEVEL: 'silent', DATABASE_URL: '' },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the rolegate command, in-process on a data directory', () => {
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  test('token create prints a token once, and token list shows only its prefix', () => {
    const created = rolegate(['token', 'create', '--name', 'ci']);
    assert.equal(created.status, 0, created.stderr);
    const token = created.stdout.trim();
    assert.match(token, /^rgat_[A-Za-z0-9_-]{43}$/);
    const listed = rolegate(['token', 'list']);
    assert.match(listed.stdout, / ci /);
    assert.doesNotMatch(listed.stdout, new RegExp(token));
  });

  test('users, apps and seed 001\'s appRoles JSON imported as the tutorial shows it', () => {
    const user = rolegate(['users', 'create', '--upn', 'britta.simon@contoso.com', '--name', 'Britta Simon', '--attr', 'department=Finance', '--password-stdin'], 'a-long-password\n');
    assert.equal(user.status, 0, user.stderr);
    assert.equal(JSON.parse(user.stdout).attributes.department, 'Finance');
    const app = rolegate(['apps', 'create', '--name', 'AWS']);
    assert.equal(app.status, 0, app.stderr);
    const appId = JSON.parse(app.stdout).id as string;
    const imported = rolegate(['roles', 'import', SEED_001, '--app', appId]);
    assert.equal(imported.status, 0, imported.stderr);
    assert.deepEqual(JSON.parse(imported.stdout), { received: 3, added: 2, updated: 0, unchanged: 0, skipped: 1 });
    const again = rolegate(['roles', 'import', SEED_001, '--app', appId]);
    assert.deepEqual(JSON.parse(again.stdout), { received: 3, added: 0, updated: 0, unchanged: 2, skipped: 1 });
    const roles = rolegate(['roles', 'list', '--app', appId]);
    assert.equal(roles.stdout.trim().split('\n').length, 3, 'msiam_access and the two imported roles');
  });

  test('bad input: a clear message and a non-zero exit, nothing written', () => {
    const weak = rolegate(['users', 'create', '--upn', 'x@y.z', '--name', 'X', '--password-stdin'], 'short\n');
    assert.equal(weak.status, 1);
    assert.match(weak.stderr, /password: must be at least 8 characters \(ERR_VALIDATION\)/);
    assert.doesNotMatch(rolegate(['users', 'list']).stdout, /x@y\.z/);
    const unknownApp = rolegate(['roles', 'import', SEED_001, '--app', 'nope']);
    assert.equal(unknownApp.status, 1);
    assert.match(unknownApp.stderr, /app 'nope' was not found/);
    const notSaml = rolegate(['saml', 'inspect', SEED_001]);
    assert.equal(notSaml.status, 1);
  });
});
