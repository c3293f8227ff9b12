import { join } from 'node:path';
import type { Logger } from 'pino';
import { awsAppTemplate } from '../aws/aws-app-template.ts';
import type { Config } from '../config/config-schema.ts';
import type { AppTemplate } from '../core/apps/app-template.ts';
import { genericSamlTemplate } from '../core/apps/generic-saml-template.ts';
import type { CoreContext } from '../core/core-context.ts';
import { createArgon2PasswordHasher } from '../core/directory/argon2-password-hasher.ts';
import type { CertificateFactory } from '../core/ports/certificate-factory.ts';
import type { Store } from '../core/ports/store.ts';
import { createSigningCertificate } from '../saml/create-signing-certificate.ts';
import { MASTER_KEY_FILE_NAME } from '../store/load-master-key.ts';
import { openStore } from '../store/open-store.ts';
import { createSecretBox, loadMasterKey } from '../store/secret-box.ts';
import { checkMasterKey, databaseHasSecrets, missingMasterKey } from './check-master-key.ts';
import { describeOpenDataDir } from './describe-open-data-dir.ts';

/**
 * The composition root shared by `rolegate serve` and the CLI commands: one place that
 * turns configuration into a wired CoreContext (store, secret box, templates, hashing).
 */
export async function openRuntime(config: Config, logger?: Logger): Promise<CoreContext> {
  const store = await openStore({ dataDir: config.dataDir, databaseUrl: config.DATABASE_URL });
  try {
    const openDataDir = describeOpenDataDir(config.dataDir);
    if (openDataDir !== undefined) logger?.warn({ dataDir: config.dataDir }, openDataDir);
    const secrets = createSecretBox(await loadCheckedMasterKey(store, config, logger));
    const certificates: CertificateFactory = {
      create: (options) => createSigningCertificate(options),
    };
    const templates = new Map<string, AppTemplate>([
      [awsAppTemplate.id, awsAppTemplate],
      [genericSamlTemplate.id, genericSamlTemplate],
    ]);
    return {
      store,
      passwords: createArgon2PasswordHasher(),
      secrets,
      certificates,
      templates,
      publicUrl: config.publicUrl,
      now: () => new Date(),
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}

/** The master key, refused unless it opens what the database already holds. */
async function loadCheckedMasterKey(store: Store, config: Config, logger?: Logger): Promise<Buffer> {
  const keyFile = join(config.dataDir, MASTER_KEY_FILE_NAME);
  if (config.DATABASE_URL !== undefined && config.ROLEGATE_MASTER_KEY === undefined) {
    logger?.warn(
      { keyFile },
      'ROLEGATE_MASTER_KEY is not set, so the master key comes from a file in this data directory: that is only fit for a single node. ' +
        'Every rolegate serve node and CLI run on one database needs the same key: set ROLEGATE_MASTER_KEY on all of them',
    );
  }
  // A database that already holds secrets must never get a freshly made key.
  const create = !(await databaseHasSecrets(store));
  const masterKey = loadMasterKey({ dataDir: config.dataDir, envKey: config.ROLEGATE_MASTER_KEY, create });
  if (masterKey === undefined) throw missingMasterKey(keyFile);
  if (masterKey.source === 'file-created') {
    logger?.warn(
      { path: keyFile },
      'created a new master key file for secrets at rest; back it up, or set ROLEGATE_MASTER_KEY in production',
    );
  }
  await checkMasterKey(store, createSecretBox(masterKey.key), masterKey.source === 'env' ? 'ROLEGATE_MASTER_KEY' : keyFile);
  return masterKey.key;
}
