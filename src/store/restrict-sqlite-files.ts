import { chmodSync, closeSync, openSync, statSync } from 'node:fs';

const PRIVATE = 0o600;

/**
 * The database holds password hashes, sealed keys and token hashes: only the owner may read
 * it. Creating the file 0600 before SQLite opens it is enough for new databases, because
 * SQLite gives its -wal and -shm files the main file's mode. Files an older rolegate left
 * 0644 are tightened here.
 */
export function restrictSqliteFiles(file: string): void {
  closeSync(openSync(file, 'a', PRIVATE));
  for (const path of [file, `${file}-wal`, `${file}-shm`]) {
    let mode: number;
    try {
      mode = statSync(path).mode;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw error;
    }
    if ((mode & 0o077) !== 0) chmodSync(path, PRIVATE);
  }
}
