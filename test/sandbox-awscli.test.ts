import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, test } from 'node:test';
import { AWS_ATTR, buildTestResponse } from './support/build-test-response.ts';
import { createSandboxTestIdp } from './support/sandbox-metadata.ts';
import { signTestResponse } from './support/sign-test-response.ts';
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

  /** The CLI's own error line for a failed command. */
  async function awsError(profile: string, ...args: string[]): Promise<string> {
    try {
      await aws(profile, ...args);
    } catch (error) {
      return (error as { stderr?: string }).stderr ?? '';
    }
    throw new Error(`aws ${args.join(' ')} succeeded`);
  }
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

  test('SAML federation by hand: create-saml-provider from a file, a role, assume-role-with-saml with file://, and its refusal', async () => {
    const issuer = 'https://idp.example.test/cli';
    const idp = await createSandboxTestIdp(issuer);
    const metadataPath = join(t.dataDir, 'idp-metadata.xml');
    await writeFile(metadataPath, idp.metadataXml);
    const provider = (await aws(MANAGEMENT, 'iam', 'create-saml-provider', '--name', 'cli-idp', '--saml-metadata-document', `file://${metadataPath}`)) as { SAMLProviderArn: string };
    assert.equal(provider.SAMLProviderArn, `arn:aws:iam::${MANAGEMENT}:saml-provider/cli-idp`);
    const listed = (await aws(MANAGEMENT, 'iam', 'list-saml-providers')) as { SAMLProviderList: Array<{ Arn: string }> };
    assert.deepEqual(listed.SAMLProviderList.map((p) => p.Arn), [provider.SAMLProviderArn]);

    const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRoleWithSAML', Principal: { Federated: provider.SAMLProviderArn }, Condition: { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } } }] };
    await aws(MANAGEMENT, 'iam', 'create-role', '--role-name', 'CliSaml', '--assume-role-policy-document', JSON.stringify(trust));
    const roleArn = `arn:aws:iam::${MANAGEMENT}:role/CliSaml`;
    const xml = signTestResponse(
      buildTestResponse({
        now: new Date(),
        issuer,
        attributes: [
          { name: `${AWS_ATTR}Role`, values: [`${roleArn},${provider.SAMLProviderArn}`] },
          { name: `${AWS_ATTR}RoleSessionName`, values: ['carol@example.test'] },
        ],
      }),
      { key: idp, sign: 'assertion' },
    );
    // As saml2aws-style tools save it: base64 with line breaks.
    const assertionPath = join(t.dataDir, 'assertion.b64');
    await writeFile(assertionPath, Buffer.from(xml).toString('base64').replace(/(.{76})/g, '$1\n'));
    const saml = ['sts', 'assume-role-with-saml', '--role-arn', roleArn, '--principal-arn', provider.SAMLProviderArn, '--saml-assertion', `file://${assertionPath}`];
    const assumed = (await aws(MANAGEMENT, ...saml)) as { AssumedRoleUser: { Arn: string }; Credentials: { AccessKeyId: string }; Audience: string };
    assert.equal(assumed.AssumedRoleUser.Arn, `arn:aws:sts::${MANAGEMENT}:assumed-role/CliSaml/carol@example.test`);
    assert.match(assumed.Credentials.AccessKeyId, /^ASIA/);
    assert.equal(assumed.Audience, 'https://signin.aws.amazon.com/saml');

    await writeFile(assertionPath, Buffer.from(xml.replace('carol@example.test</saml:AttributeValue>', 'root@example.test</saml:AttributeValue>')).toString('base64'));
    assert.match(await awsError(MANAGEMENT, ...saml), /An error occurred \(InvalidIdentityToken\) when calling the AssumeRoleWithSAML operation: Signature digest of the Assertion does not match: the signed content was modified \[rolegate check: check-signature\]/);
  });

  test('iam list-roles pages through Marker with --page-size and stops at --max-items', async () => {
    for (let i = 0; i < 5; i += 1) await t.sandbox.admin.createRole(MEMBER, { roleName: `Paged${i}`, trustPolicyJson: trustPolicyFor(`arn:aws:iam::${MANAGEMENT}:root`) });
    const all = (await aws(MEMBER, 'iam', 'list-roles', '--page-size', '2')) as { Roles: Array<{ RoleName: string }> };
    assert.deepEqual(all.Roles.map((r) => r.RoleName), ['Paged0', 'Paged1', 'Paged2', 'Paged3', 'Paged4']);
    const first = (await aws(MEMBER, 'iam', 'list-roles', '--max-items', '3')) as { Roles: unknown[]; NextToken?: string };
    assert.equal(first.Roles.length, 3);
    assert.ok(first.NextToken, 'the CLI hands back a token to continue');
    const rest = (await aws(MEMBER, 'iam', 'list-roles', '--starting-token', first.NextToken ?? '')) as { Roles: Array<{ RoleName: string }> };
    assert.deepEqual(rest.Roles.map((r) => r.RoleName), ['Paged3', 'Paged4']);
  });

  test('organizations create-account, describe-create-account-status and list-accounts', async () => {
    const created = (await aws(MANAGEMENT, 'organizations', 'create-account', '--email', 'cli@example.test', '--account-name', 'From the CLI')) as {
      CreateAccountStatus: { Id: string; State: string };
    };
    assert.equal(created.CreateAccountStatus.State, 'IN_PROGRESS');
    const status = (await aws(MANAGEMENT, 'organizations', 'describe-create-account-status', '--create-account-request-id', created.CreateAccountStatus.Id)) as {
      CreateAccountStatus: { State: string; AccountId: string };
    };
    assert.equal(status.CreateAccountStatus.State, 'SUCCEEDED');
    const accounts = (await aws(MANAGEMENT, 'organizations', 'list-accounts')) as { Accounts: Array<{ Id: string; Name: string }> };
    assert.equal(accounts.Accounts.find((a) => a.Id === status.CreateAccountStatus.AccountId)?.Name, 'From the CLI');
    // The new account's profile is in the credentials file at once.
    const identity = (await aws(status.CreateAccountStatus.AccountId, 'sts', 'get-caller-identity')) as { Account: string };
    assert.equal(identity.Account, status.CreateAccountStatus.AccountId);
    assert.match(await awsError(MEMBER, 'organizations', 'create-account', '--email', 'x@example.test', '--account-name', 'X'), /AccessDeniedException/);
  });
});
