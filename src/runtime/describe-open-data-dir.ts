import { statSync } from 'node:fs';

/**
 * Why the data directory is too open, or undefined. rolegate creates it 0700 and its files
 * 0600, but leaves the mode of a directory someone else made alone (it may be shared with a
 * backup agent on purpose): a readable directory still shows which secrets exist, so it warns.
 */
export function describeOpenDataDir(dataDir: string): string | undefined {
  if (process.platform === 'win32') return undefined;
  const mode = statSync(dataDir).mode & 0o777;
  if ((mode & 0o077) === 0) return undefined;
  return `the data directory ${dataDir} is open to other users (mode ${mode.toString(8)}); restrict it with: chmod 700 ${dataDir}`;
}
