import { sealedKeyContext } from '../core/apps/certificates.ts';
import type { SecretBox } from '../core/ports/secret-box.ts';
import type { Store } from '../core/ports/store.ts';
import { RolegateError } from '../errors/rolegate-error.ts';

/** A value sealed under the master key, kept in the settings, that only the same key opens. */
export const MASTER_KEY_CHECK_SETTING = 'secrets.master-key-check';
const CHECK_CONTEXT = 'rolegate:master-key-check';
const CHECK_TEXT = 'rolegate master key check';
const WHAT_TO_DO = 'set ROLEGATE_MASTER_KEY to the key the database was set up with, the same for every node and CLI run';

interface Sealed {
  sealed: string;
  context: string;
}

/** The key check, or for a database from before it, one sealed signing key. */
async function findSealedSecret(store: Store): Promise<Sealed | undefined> {
  const check = await store.settings.get(MASTER_KEY_CHECK_SETTING);
  if (check !== undefined) return { sealed: check, context: CHECK_CONTEXT };
  for (const app of (await store.apps.list({ limit: 20 })).items) {
    const [certificate] = await store.certificates.listForApp(app.id);
    const key = certificate && (await store.certificates.getSealedKey(certificate.id));
    if (key) return { sealed: key.sealedKey, context: sealedKeyContext(certificate.id) };
  }
  return undefined;
}

export async function databaseHasSecrets(store: Store): Promise<boolean> {
  return (await findSealedSecret(store)) !== undefined;
}

/** When a database holds secrets but no key was found: say so before a new key seals anything. */
export function missingMasterKey(keyFile: string): RolegateError {
  return new RolegateError(
    'ERR_CONFIG',
    `This database holds secrets sealed with a master key, but ROLEGATE_MASTER_KEY is not set and ${keyFile} does not exist: ${WHAT_TO_DO}`,
    { field: 'ROLEGATE_MASTER_KEY' },
  );
}

/**
 * Refuses a master key that cannot open what the database already holds; without this, a
 * second node or a CLI run with its own data directory would seal new signing keys with its
 * own key, and the other nodes would fail to sign with them. The first process to open a
 * database records the check. One transaction, so two first starts cannot both record one.
 * `source` names where the key came from (never the key).
 */
export async function checkMasterKey(store: Store, secrets: SecretBox, source: string): Promise<'recorded' | 'matched'> {
  return store.transaction(async (tx) => {
    const existing = await findSealedSecret(tx);
    if (existing !== undefined && !opens(secrets, existing)) {
      throw new RolegateError(
        'ERR_CONFIG',
        `The master key from ${source} cannot open this database's secrets: the database was set up with another master key; ${WHAT_TO_DO}`,
        { field: 'ROLEGATE_MASTER_KEY' },
      );
    }
    if (existing?.context === CHECK_CONTEXT) return 'matched';
    await tx.settings.set(MASTER_KEY_CHECK_SETTING, secrets.seal(CHECK_TEXT, CHECK_CONTEXT));
    return 'recorded';
  });
}

function opens(secrets: SecretBox, { sealed, context }: Sealed): boolean {
  try {
    secrets.open(sealed, context);
    return true;
  } catch {
    return false;
  }
}
