import { randomBytes } from 'node:crypto';
import { closeSync, fstatSync, fsyncSync, linkSync, mkdirSync, openSync, readSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { RolegateError } from '../errors/rolegate-error.ts';

export const MASTER_KEY_FILE_NAME = 'master.key';
const KEY_BYTES = 32;

const HEX_KEY = /^[0-9a-fA-F]{64}$/;
// 32 bytes are 43 base64 characters plus one optional '='; either alphabet.
const BASE64_KEY = /^(?:[A-Za-z0-9+/]{43}=?|[A-Za-z0-9_-]{43}=?)$/;

export interface MasterKey {
  key: Buffer;
  source: 'env' | 'file-created' | 'file';
}

/** Messages name the variable and the accepted forms, never the value. */
function parseEnvKey(value: string): Buffer {
  const text = value.trim();
  if (HEX_KEY.test(text)) return Buffer.from(text, 'hex');
  if (BASE64_KEY.test(text)) {
    const key = Buffer.from(text, 'base64');
    if (key.length === KEY_BYTES) return key;
  }
  throw new RolegateError(
    'ERR_CONFIG',
    'ROLEGATE_MASTER_KEY must be 32 bytes written as 64 hex characters or as base64/base64url ' +
      '(generate one with: openssl rand -hex 32)',
    { field: 'ROLEGATE_MASTER_KEY' },
  );
}

function readKeyFile(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    // fstat the open file, not the path, so the checked file is the one read.
    const stat = fstatSync(fd);
    if (!stat.isFile()) {
      throw new RolegateError('ERR_CONFIG', `${path} is not a regular file`, { field: 'masterKeyFile' });
    }
    if (process.platform !== 'win32' && (stat.mode & 0o077) !== 0) {
      throw new RolegateError(
        'ERR_CONFIG',
        `${path} can be read by other users (mode ${(stat.mode & 0o777).toString(8)}); ` +
          `restrict it with: chmod 600 ${path}`,
        { field: 'masterKeyFile' },
      );
    }
    if (stat.size !== KEY_BYTES) {
      throw new RolegateError('ERR_CONFIG', `${path} must hold exactly ${KEY_BYTES} bytes`, { field: 'masterKeyFile' });
    }
    const key = Buffer.alloc(KEY_BYTES);
    if (readSync(fd, key, 0, KEY_BYTES, 0) !== KEY_BYTES) {
      throw new RolegateError('ERR_CONFIG', `${path} could not be read whole`, { field: 'masterKeyFile' });
    }
    return key;
  } finally {
    closeSync(fd);
  }
}

/** Makes the new directory entry durable: losing the key would lose every sealed secret. */
function syncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Some platforms cannot fsync a directory; the file itself is already synced.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Writes the new key to a private temporary file ('wx', mode 0600), syncs it, then links it
 * into place: link fails if the name exists, so two processes starting together never
 * overwrite each other, and no reader ever sees a half-written key. Returns false when
 * another process won the race.
 */
function createKeyFile(dataDir: string, path: string, key: Buffer): boolean {
  const temporary = join(dataDir, `.${MASTER_KEY_FILE_NAME}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const fd = openSync(temporary, 'wx', 0o600);
  try {
    try {
      writeSync(fd, key, 0, key.length, 0);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    linkSync(temporary, path);
    syncDirectory(dataDir);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    unlinkSync(temporary);
  }
}

export interface LoadMasterKeyOptions {
  dataDir: string;
  envKey?: string | undefined;
  /** Whether a missing key file may be created (default true); when not, a missing file gives undefined. */
  create?: boolean;
}

/**
 * The key that seals secrets at rest: ROLEGATE_MASTER_KEY when set (`envKey`), else
 * `<dataDir>/master.key`, created with 32 random bytes on first start.
 */
export function loadMasterKey(options: LoadMasterKeyOptions & { create?: true }): MasterKey;
export function loadMasterKey(options: LoadMasterKeyOptions): MasterKey | undefined;
export function loadMasterKey(options: LoadMasterKeyOptions): MasterKey | undefined {
  if (options.envKey !== undefined) return { key: parseEnvKey(options.envKey), source: 'env' };
  const path = join(options.dataDir, MASTER_KEY_FILE_NAME);
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  try {
    return { key: readKeyFile(path), source: 'file' };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (options.create === false) return undefined;
  const key = randomBytes(KEY_BYTES);
  if (createKeyFile(options.dataDir, path, key)) return { key, source: 'file-created' };
  return { key: readKeyFile(path), source: 'file' };
}
