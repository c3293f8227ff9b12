/**
 * Renders the pictures in README.md and docs/ from the real demo: My Apps, the sandbox's
 * role chooser and its console page. Run: node --import tsx scripts/take-screenshots.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { seedDemo } from '../src/cli/demo/seed-demo.ts';
import { loadConfig } from '../src/config/config-schema.ts';
import { openRuntime } from '../src/runtime/open-runtime.ts';
import { startSandbox } from '../src/sandbox/start-sandbox.ts';
import { startServer } from '../src/server/start-server.ts';
import { launchChromium } from '../test/support/launch-chromium.ts';

const out = new URL('../docs/images/', import.meta.url).pathname;
const dataDir = mkdtempSync(join(tmpdir(), 'rolegate-shots-'));
const logger = pino({ level: 'silent' });
const ctx = await openRuntime(loadConfig({ ROLEGATE_DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'silent' }), logger);
const sandbox = await startSandbox({ dataDir, port: 0, logger, seedDefaultAccount: false });
const server = await startServer(ctx, { host: '127.0.0.1', port: 0, logger });
ctx.publicUrl = server.url;
await seedDemo({ ctx, sandbox: sandbox.admin, sandboxUrl: sandbox.url, idpUrl: server.url });
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1000, height: 640 } });
  await page.goto(`${server.url}/`);
  await page.fill('#username', 'alice@acme.example');
  await page.screenshot({ path: join(out, 'sign-in.png') });
  await page.fill('#password', 'alice-demo-password');
  await page.click('button[type=submit]');
  await page.waitForSelector('.tile');
  await page.screenshot({ path: join(out, 'my-apps.png') });
  await Promise.all([page.waitForURL(`${sandbox.url}/saml`), page.click('.tile')]);
  await page.setViewportSize({ width: 1000, height: 760 });
  await page.screenshot({ path: join(out, 'role-chooser.png'), fullPage: true });
  await page.check('input[type=radio] >> nth=1');
  await Promise.all([page.waitForLoadState('load'), page.click('button[type=submit]')]);
  await page.waitForSelector('h1.ok');
  await page.screenshot({ path: join(out, 'sandbox-console.png'), fullPage: true });
} finally {
  await browser.close();
  await server.close();
  await sandbox.close();
  await ctx.store.close();
  rmSync(dataDir, { recursive: true, force: true });
}
process.stdout.write(`screenshots written to ${out}\n`);
