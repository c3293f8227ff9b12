import type { Logger } from 'pino';
import { awsAppTemplate } from '../aws/aws-app-template.ts';
import type { Config } from '../config/config-schema.ts';
import type { AppTemplate } from '../core/apps/app-template.ts';
import { genericSamlTemplate } from '../core/apps/generic-saml-template.ts';
import type { CoreContext } from '../core/core-context.ts';
import { createArgon2PasswordHasher } from '../core/directory/argon2-password-hasher.ts';
import type { CertificateFactory } from '../core/ports/certificate-factory.ts';
import { createSigningCertificate } from '../saml/create-signing-certificate.ts';
import { openStore } from '../store/open-store.ts';
import { createSecretBox, loadMasterKey } from '../store/secret-box.ts';
import { describeOpenDataDir } from './describe-open-data-dir.ts';

/**
 * The composition root shared by `rolegate serve` and the CLI commands: one place that
 * turns configuration into a wired CoreContext (store, secret box, templates, hashing).
 */
export async function openRuntime(config: Config, logger?: Logger): Promise<CoreContext> {
  const masterKey = loadMasterKey({ dataDir: config.dataDir, envKey: config.ROLEGATE_MASTER_KEY });
  if (masterKey.source === 'file-created') {
    logger?.warn(
      { path: `${config.dataDir}/master.key` },
      'created a new master key file for secrets at rest; back it up, or set ROLEGATE_MASTER_KEY in production',
    );
  }
  const store = await openStore({ dataDir: config.dataDir, databaseUrl: config.DATABASE_URL });
  const openDataDir = describeOpenDataDir(config.dataDir);
  if (openDataDir !== undefined) logger?.warn({ dataDir: config.dataDir }, openDataDir);
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
    secrets: createSecretBox(masterKey.key),
    certificates,
    templates,
    publicUrl: config.publicUrl,
    now: () => new Date(),
  };
}
