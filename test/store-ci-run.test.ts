import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';

const ROOT = new URL('..', import.meta.url).pathname;
const shims = mkdtempSync(join(tmpdir(), 'rolegate-ci-run-'));
after(() => rmSync(shims, { recursive: true, force: true }));

/** Runs .ci/run with npm, node and the PostgreSQL and apt tools replaced by recorders. */
function runCiScript(): string[] {
  const log = join(shims, 'calls.log');
  const recorder = `#!/usr/bin/env bash\necho "$(basename "$0") $* | CI=\${CI-<unset>} URL=\${ROLEGATE_TEST_DATABASE_URL-<unset>}" >> ${JSON.stringify(log)}\n`;
  for (const tool of ['npm', 'node', 'pg_isready', 'pg_ctlcluster', 'apt-get']) {
    writeFileSync(join(shims, tool), recorder);
    chmodSync(join(shims, tool), 0o755);
  }
  const env: Record<string, string> = { PATH: `${shims}:${process.env.PATH ?? ''}`, HOME: process.env.HOME ?? '/tmp' };
  const run = spawnSync('bash', [join(ROOT, '.ci/run')], { encoding: 'utf8', env });
  assert.equal(run.status, 0, run.stderr);
  return readFileSync(log, 'utf8').trim().split('\n');
}

test('.ci/run runs the tests with CI=1, so an unreachable PostgreSQL fails the store contract instead of skipping it', () => {
  const calls = runCiScript();
  const npmTest = calls.find((line) => line.startsWith('npm test'));
  assert.ok(npmTest, calls.join('\n'));
  assert.match(npmTest, /\| CI=1 URL=postgres:\/\/postgres@127\.0\.0\.1:5432\/test$/);
  assert.ok(calls.some((line) => line.startsWith('npm ci ')), 'still installs the dependencies');
  assert.ok(calls.some((line) => line.startsWith('npm run typecheck')), 'still type-checks');

  // With what .ci/run exports, the PostgreSQL contract fails when no server answers.
  // NODE_TEST_CONTEXT would make the inner runner report to this one instead of exiting non-zero.
  const { NODE_TEST_CONTEXT: _context, ...outer } = process.env;
  const contract = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=tap', 'src/store/postgres-store.test.ts'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...outer, CI: '1', ROLEGATE_TEST_DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none' },
  });
  assert.notEqual(contract.status, 0, contract.stdout);
  assert.match(contract.stdout, /CI must run the PostgreSQL contract/);
});
