import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { after, describe, test } from 'node:test';
import pino from 'pino';
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
