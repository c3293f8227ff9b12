import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';

/**
 * `rolegate apps create` fixes the app's IdP entity ID. It must follow the URL the server
 * really runs at, which the CLI process's own PORT does not know.
 */
const BIN = new URL('../bin/rolegate.js', import.meta.url).pathname;
const dataDir = mkdtempSync(join(tmpdir(), 'rolegate-cli-public-url-'));
const { PORT: _port, HOST: _host, ROLEGATE_PUBLIC_URL: _url, ...outer } = process.env;
const env = { ...outer, ROLEGATE_DATA_DIR: dataDir, LOG_LEVEL: 'silent', DATABASE_URL: '' };

function createApp(extra: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, 'apps', 'create', '--name', 'AWS'], { encoding: 'utf8', env: { ...env, ...extra } });
  assert.equal(r.status, 0, r.stderr);
  return { app: JSON.parse(r.stdout) as { id: string; idpEntityId: string }, stderr: r.stderr };
}

/** Starts `rolegate serve` on a port the system picks and returns the URL it announces. */
function serve(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [BIN, 'serve'], { env: { ...env, PORT: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const running = /rolegate is running at (http:\/\/\S+) /.exec(out);
      if (running) resolve({ child, url: running[1]! });
    });
    child.on('exit', (code) => reject(new Error(`rolegate serve exited with ${code}: ${out}`)));
  });
}

describe('the public URL that CLI commands use', () => {
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  test('before any server ran: the default, and the command says so', () => {
    const { app, stderr } = createApp();
    assert.equal(app.idpEntityId, `http://127.0.0.1:8080/saml/${app.id}`);
    assert.match(stderr, /http:\/\/127\.0\.0\.1:8080 \(the default: no rolegate serve has recorded its URL.*ROLEGATE_PUBLIC_URL/);
  });

  test('after rolegate serve ran on another port: the URL it recorded', async () => {
    const { child, url } = await serve();
    const stopped = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await stopped;
    assert.doesNotMatch(url, /:(8080|0)$/);
    const { app, stderr } = createApp();
    assert.equal(app.idpEntityId, `${url}/saml/${app.id}`);
    assert.match(stderr, new RegExp(`${url} \\(recorded by rolegate serve`));
    assert.match(stderr, new RegExp(`Federation metadata: ${url}/saml/${app.id}/metadata`));
  });

  test('ROLEGATE_PUBLIC_URL wins over the recorded one', () => {
    const { app, stderr } = createApp({ ROLEGATE_PUBLIC_URL: 'https://idp.example.com/' });
    assert.equal(app.idpEntityId, `https://idp.example.com/saml/${app.id}`);
    assert.match(stderr, /https:\/\/idp\.example\.com \(from ROLEGATE_PUBLIC_URL\)/);
  });
});
