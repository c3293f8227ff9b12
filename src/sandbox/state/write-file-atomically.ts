import { randomBytes } from 'node:crypto';
import { chmod, mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname, join, basename } from 'node:path';

/**
 * Writes `data` to `path` so a reader never sees a half-written file: a temporary file in the
 * same directory (same filesystem, so rename is atomic), fsync, then rename over the target.
 * The file is created with `mode` from the start, so secrets are never briefly world-readable.
 */
export async function writeFileAtomically(path: string, data: string, mode = 0o600): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const temp = join(dir, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', mode);
  try {
    await handle.writeFile(data, 'utf8');
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  // open() applies the umask; chmod makes the mode exact.
  await chmod(temp, mode);
  await rename(temp, path);
}
