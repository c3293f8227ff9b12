import { readFile } from 'node:fs/promises';
import { RolegateError } from '../../errors/rolegate-error.ts';
import { renderCredentialsFile } from './render-credentials-file.ts';
import { emptyState, type AccessKeyRecord, type SandboxState, type SessionRecord } from './state-types.ts';
import { writeFileAtomically } from './write-file-atomically.ts';

export interface SandboxStorePaths {
  statePath: string;
  credentialsPath: string;
}

// Expired sessions are kept a day so a late caller gets `ExpiredToken`, not `InvalidClientTokenId`.
const EXPIRED_SESSION_RETENTION_MS = 24 * 60 * 60 * 1000;

/**
 * The sandbox state in memory, persisted after every mutation. Mutations run synchronously
 * against memory (so request handlers never interleave inside one), then the snapshot is
 * queued for an atomic write; `mutate` resolves once that write is on disk.
 */
export class SandboxStore {
  readonly paths: SandboxStorePaths;
  #state: SandboxState;
  #keys = new Map<string, AccessKeyRecord>();
  #sessions = new Map<string, SessionRecord>();
  #writes: Promise<void> = Promise.resolve();
  readonly #now: () => Date;

  private constructor(paths: SandboxStorePaths, state: SandboxState, now: () => Date) {
    this.paths = paths;
    this.#state = state;
    this.#now = now;
    this.#reindex();
  }

  static async open(paths: SandboxStorePaths, now: () => Date): Promise<SandboxStore> {
    let state: SandboxState;
    try {
      state = parseState(await readFile(paths.statePath, 'utf8'), paths.statePath);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      state = emptyState();
    }
    return new SandboxStore(paths, state, now);
  }

  get state(): Readonly<SandboxState> {
    return this.#state;
  }

  findAccessKey(accessKeyId: string): AccessKeyRecord | undefined {
    return this.#keys.get(accessKeyId);
  }

  findSession(accessKeyId: string): SessionRecord | undefined {
    return this.#sessions.get(accessKeyId);
  }

  /** Applies `change` to the state, then persists state and credentials file. */
  async mutate<T>(change: (state: SandboxState) => T): Promise<T> {
    const result = change(this.#state);
    this.#pruneSessions();
    this.#reindex();
    const stateJson = `${JSON.stringify(this.#state, null, 2)}\n`;
    const credentials = renderCredentialsFile(this.#state);
    const write = this.#writes.then(async () => {
      await writeFileAtomically(this.paths.statePath, stateJson);
      await writeFileAtomically(this.paths.credentialsPath, credentials);
    });
    // A failed write must not block the next one; the caller of this mutation still sees it.
    this.#writes = write.catch(() => undefined);
    await write;
    return result;
  }

  /** Waits for queued writes (used on close). */
  async flush(): Promise<void> {
    await this.#writes;
  }

  #pruneSessions(): void {
    const cutoff = this.#now().getTime() - EXPIRED_SESSION_RETENTION_MS;
    this.#state.sessions = this.#state.sessions.filter((s) => Date.parse(s.expiration) > cutoff);
  }

  #reindex(): void {
    this.#keys = new Map(this.#state.accessKeys.map((k) => [k.accessKeyId, k]));
    this.#sessions = new Map(this.#state.sessions.map((s) => [s.accessKeyId, s]));
  }
}

function parseState(text: string, path: string): SandboxState {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new RolegateError('ERR_STORE', `sandbox state file ${path} is not valid JSON`, { cause, expose: false });
  }
  const state = value as Partial<SandboxState>;
  if (state === null || typeof state !== 'object' || state.version !== 1) {
    throw new RolegateError('ERR_STORE', `sandbox state file ${path} has an unknown format`, { expose: false });
  }
  return { ...emptyState(), ...state } as SandboxState;
}
