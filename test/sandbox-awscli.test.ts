import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { after, before, describe, test } from 'node:test';
import { MANAGEMENT, MEMBER, startTestSandbox, trustPolicyFor, type TestSandbox } from './support/start-test-sandbox.ts';

// Debian's awscli; /root/.pyenv shims may shadow `aws` on PATH, so the path is explicit.
const AWS_CLI = '/usr/bin/aws';
const run = promisify(execFile);
const skip = !existsSync(AWS_CLI) && process.env['CI'] === undefined ? `${AWS_CLI} is not installed (apt-get install awscli)` : false;

describe('sandbox through the official AWS CLI', { skip }, () => {
  let t: TestSandbox;

  before(async () => {
    t = await startTestSandbox();
    await t.sandbox.admin.createRole(MANAGEMENT, { roleName: 'CliRole', trustPolicyJson: trustPolicyFor(`arn:aws:iam::${MEMBER}:root`) });
  });
  after(async () => t.close());

  async function aws(profile: string, ...args: string[]): Promise<unknown> {
    const { stdout } = await run(
      AWS_CLI,
      ['--profile', profile, '--endpoint-url', t.sandbox.url, '--region', 'us-east-1', '--output', 'json', ...args],
      {
        env: {
          PATH: process.env['PATH'] ?? '/usr/bin:/bin',
          HOME: t.dataDir,
          AWS_SHARED_CREDENTIALS_FILE: t.sandbox.admin.credentialsFilePath,
          AWS_CONFIG_FILE: `${t.dataDir}/no-aws-config`,
          AWS_PAGER: '',
        },
      },
    );
    return JSON.parse(stdout);
  }

  test('sts get-caller-identity with the credentials file profile', async () => {
    const identity = (await aws(MANAGEMENT, 'sts', 'get-caller-identity')) as Record<string, string>;
    assert.deepEqual(identity, { UserId: MANAGEMENT, Account: MANAGEMENT, Arn: `arn:aws:iam::${MANAGEMENT}:root` });
  });

  test('iam list-roles decodes the trust policy', async () => {
    const listed = (await aws(MANAGEMENT, 'iam', 'list-roles')) as { Roles: Array<{ RoleName: string; AssumeRolePolicyDocument: unknown }> };
    assert.deepEqual(listed.Roles.map((r) => r.RoleName), ['CliRole']);
    // The CLI URL-decodes and parses policy documents, as it does against AWS.
    assert.deepEqual(listed.Roles[0]?.AssumeRolePolicyDocument, JSON.parse(trustPolicyFor(`arn:aws:iam::${MEMBER}:root`)));
  });

  test('sts assume-role across accounts and an IAM error through the CLI', async () => {
    const assumed = (await aws(MEMBER, 'sts', 'assume-role', '--role-arn', `arn:aws:iam::${MANAGEMENT}:role/CliRole`, '--role-session-name', 'cli')) as {
      AssumedRoleUser: { Arn: string };
    };
    assert.equal(assumed.AssumedRoleUser.Arn, `arn:aws:sts::${MANAGEMENT}:assumed-role/CliRole/cli`);
    await assert.rejects(aws(MANAGEMENT, 'iam', 'get-role', '--role-name', 'Missing'), (error: { stderr?: string }) => {
      assert.match(error.stderr ?? '', /An error occurred \(NoSuchEntity\) when calling the GetRole operation: The role with name Missing cannot be found\./);
      return true;
    });
  });
});
