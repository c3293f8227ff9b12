import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { GetRoleCommand } from '@aws-sdk/client-iam';
import { AssumeRoleCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { MANAGEMENT, MEMBER, startTestSandbox, trustPolicyFor } from './support/start-test-sandbox.ts';

test('state, keys and temporary credentials survive a restart on the same data directory', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'rolegate-sandbox-persist-'));
  try {
    const first = await startTestSandbox({ keepDataDir: dataDir });
    const root = first.sandbox.admin.getRootCredentials(MANAGEMENT);
    const roleArn = await first.sandbox.admin.createRole(MEMBER, { roleName: 'Keeper', trustPolicyJson: trustPolicyFor(`arn:aws:iam::${MANAGEMENT}:root`), maxSessionDuration: 7200 });
    const created = await first.sandbox.admin.createAccount({ id: '333333333333', alias: 'later' });
    const assumed = await first.sts(root).send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'persist' }));
    await first.close();

    const statePath = join(dataDir, 'sandbox', 'state.json');
    const credentialsPath = join(dataDir, 'sandbox', 'credentials');
    assert.equal((await stat(statePath)).mode & 0o777, 0o600);
    assert.equal((await stat(credentialsPath)).mode & 0o777, 0o600);
    assert.equal((await stat(join(dataDir, 'sandbox'))).mode & 0o777, 0o700);
    const credentials = await readFile(credentialsPath, 'utf8');
    assert.ok(credentials.includes(`[${MANAGEMENT}]\naws_access_key_id = ${root.accessKeyId}\naws_secret_access_key = ${root.secretAccessKey}\n`));
    assert.ok(credentials.includes(`[333333333333]\naws_access_key_id = ${created.accessKeyId}\n`));

    const second = await startTestSandbox({ keepDataDir: dataDir });
    try {
      assert.deepEqual(second.sandbox.admin.getRootCredentials(MANAGEMENT), { accessKeyId: root.accessKeyId, secretAccessKey: root.secretAccessKey });
      assert.deepEqual(
        second.sandbox.admin.listAccounts().map((a) => [a.id, a.alias]),
        [[MANAGEMENT, 'mgmt'], [MEMBER, undefined], ['333333333333', 'later']],
      );
      const role = await second.iam(second.sandbox.admin.getRootCredentials(MEMBER)).send(new GetRoleCommand({ RoleName: 'Keeper' }));
      assert.equal(role.Role?.MaxSessionDuration, 7200);
      const temp = { accessKeyId: assumed.Credentials!.AccessKeyId!, secretAccessKey: assumed.Credentials!.SecretAccessKey!, sessionToken: assumed.Credentials!.SessionToken! };
      const identity = await second.sts(temp).send(new GetCallerIdentityCommand({}));
      assert.equal(identity.Arn, `arn:aws:sts::${MEMBER}:assumed-role/Keeper/persist`);
    } finally {
      await second.close();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});
