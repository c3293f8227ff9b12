import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { test } from 'node:test';
import { runGated } from './run-gated.ts';

test('runs calls on one gate one at a time, in order, and goes on after a failure', async () => {
  const gate = {};
  const events: string[] = [];
  const task = (name: string, ms: number, fail = false) =>
    runGated(gate, async () => {
      events.push(`start ${name}`);
      await sleep(ms);
      events.push(`end ${name}`);
      if (fail) throw new Error(name);
      return name;
    });
  const results = await Promise.allSettled([task('a', 20), task('b', 1, true), task('c', 5)]);
  assert.deepEqual(events, ['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  assert.deepEqual(results.map((r) => r.status), ['fulfilled', 'rejected', 'fulfilled']);
});

test('separate gates do not wait for each other', async () => {
  const events: string[] = [];
  await Promise.all([
    runGated({}, async () => { events.push('slow start'); await sleep(20); events.push('slow end'); }),
    runGated({}, async () => { events.push('fast'); }),
  ]);
  assert.deepEqual(events, ['slow start', 'fast', 'slow end']);
});
