/**
 * Runs `fn` repeatedly for about `seconds` after a short warm-up and returns operations
 * per second. Everything in one bench run shares the machine's state at that moment, which
 * is why results are reported as ratios to a reference measured in the same run.
 */
export async function measure(fn: () => unknown | Promise<unknown>, seconds = 2): Promise<number> {
  const warmUntil = performance.now() + 300;
  while (performance.now() < warmUntil) await fn();
  let count = 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  while (performance.now() < end) {
    await fn();
    count++;
  }
  return count / ((performance.now() - start) / 1000);
}

export function report(rows: Array<{ name: string; opsPerSecond: number; reference?: { name: string; opsPerSecond: number } }>): void {
  for (const row of rows) {
    const ratio = row.reference ? `  = ${(row.opsPerSecond / row.reference.opsPerSecond).toFixed(3)} × ${row.reference.name}` : '';
    process.stdout.write(`${row.name.padEnd(58)} ${row.opsPerSecond.toFixed(0).padStart(8)} ops/s${ratio}\n`);
  }
}
