import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IAMClient } from '@aws-sdk/client-iam';
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { STSClient } from '@aws-sdk/client-sts';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../../src/sandbox/start-sandbox.ts';

export interface SdkCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface TestSandbox {
  sandbox: RunningSandbox;
  dataDir: string;
  iam(credentials: SdkCredentials): IAMClient;
  sts(credentials?: SdkCredentials): STSClient;
  organizations(credentials: SdkCredentials): OrganizationsClient;
  close(): Promise<void>;
}

export const MANAGEMENT = '111111111111';
export const MEMBER = '222222222222';

/**
 * A sandbox on a free port in a fresh data directory with accounts 111111111111 (alias
 * `mgmt`, management) and 222222222222, plus SDK clients pointed at it.
 */
export async function startTestSandbox(
  options: Partial<SandboxOptions> & { config?: unknown; keepDataDir?: string } = {},
): Promise<TestSandbox> {
  const dataDir = options.keepDataDir ?? (await mkdtemp(join(tmpdir(), 'rolegate-sandbox-')));
  const configPath = join(dataDir, 'sandbox-config.json');
  await writeFile(
    configPath,
    JSON.stringify(options.config ?? { accounts: [{ id: MANAGEMENT, alias: 'mgmt' }, { id: MEMBER }] }),
  );
  const { config: _config, keepDataDir: _keep, ...rest } = options;
  const sandbox = await startSandbox({ dataDir, port: 0, configPath, ...rest });
  const common = { endpoint: sandbox.url, region: 'us-east-1', maxAttempts: 1 };
  const clients: Array<{ destroy(): void }> = [];
  const track = <T extends { destroy(): void }>(client: T): T => {
    clients.push(client);
    return client;
  };
  return {
    sandbox,
    dataDir,
    iam: (credentials) => track(new IAMClient({ ...common, credentials })),
    sts: (credentials) =>
      track(new STSClient({ ...common, ...(credentials === undefined ? { credentials: { accessKeyId: 'unused', secretAccessKey: 'unused' } } : { credentials }) })),
    organizations: (credentials) => track(new OrganizationsClient({ ...common, credentials })),
    close: async () => {
      for (const client of clients) client.destroy();
      await sandbox.close();
      if (options.keepDataDir === undefined) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A trust policy that lets principals `awsPrincipals` call sts:AssumeRole. */
export function trustPolicyFor(awsPrincipals: string | string[], condition?: Record<string, unknown>): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { AWS: awsPrincipals },
        Action: 'sts:AssumeRole',
        ...(condition === undefined ? {} : { Condition: condition }),
      },
    ],
  });
}
