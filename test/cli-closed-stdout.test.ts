import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';

const BIN = new URL('../bin/rolegate.js', import.meta.url).pathname;
const dataDir = mkdtempSync(join(tmpdir(), 'rolegate-cli-epipe-'));
const env = { ...process.env, ROLEGATE_DATA_DIR: dataDir, LOG_LEVEL: 'silent', DATABASE_URL: '' };

/** Runs rolegate with its standard output closed by the reader before anything is written, as `| head -0` does. */
function runWithClosedStdout(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('a list command whose reader went away (rolegate groups list | head)', () => {
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  test('stops quietly: no unhandled EPIPE, no stack trace, exit status 0', async () => {
    for (const name of ['one', 'two', 'three']) {
      const made = spawnSync(process.execPath, [BIN, 'groups', 'create', '--name', name], { env, encoding: 'utf8' });
      assert.equal(made.status, 0, made.stderr);
    }
    for (const args of [['groups', 'list'], ['users', 'list'], ['apps', 'list']]) {
      const { code, stderr } = await runWithClosedStdout(args);
      assert.equal(stderr, '', `${args.join(' ')}: ${stderr}`);
      assert.equal(code, 0, args.join(' '));
    }
  });
});
