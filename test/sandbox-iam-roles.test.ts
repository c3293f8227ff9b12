import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  CreateRoleCommand,
  DeleteRoleCommand,
  GetRoleCommand,
  ListRolesCommand,
  UpdateAssumeRolePolicyCommand,
  UpdateRoleCommand,
  type IAMClient,
  type Role,
} from '@aws-sdk/client-iam';
import { MANAGEMENT, MEMBER, startTestSandbox, trustPolicyFor, type TestSandbox } from './support/start-test-sandbox.ts';
import { errorOf } from './support/aws-error-of.ts';

// A trust policy with spaces, slashes and non-ASCII text, so the URL-encoding round trip is real.
const SAML_TRUST = JSON.stringify(
  {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Action: 'sts:AssumeRoleWithSAML',
        Principal: { Federated: `arn:aws:iam::${MANAGEMENT}:saml-provider/rolegate` },
        Condition: { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } },
      },
    ],
  },
  null,
  2,
);

describe('sandbox IAM roles through @aws-sdk/client-iam', () => {
  let t: TestSandbox;
  let iam: IAMClient;

  before(async () => {
    t = await startTestSandbox({ config: { accounts: [{ id: MANAGEMENT, roleLimit: 260 }, { id: MEMBER, roleLimit: 2 }] } });
    iam = t.iam(t.sandbox.admin.getRootCredentials(MANAGEMENT));
  });
  after(async () => t.close());

  test('creates a role and returns its trust policy URL-encoded exactly as stored', async () => {
    const created = await iam.send(
      new CreateRoleCommand({
        RoleName: 'Admin',
        AssumeRolePolicyDocument: SAML_TRUST,
        Description: 'Administrators (föderiert)',
        MaxSessionDuration: 7200,
        Path: '/sso/',
        Tags: [{ Key: 'team', Value: 'platform' }],
      }),
    );
    assert.equal(created.Role?.Arn, `arn:aws:iam::${MANAGEMENT}:role/sso/Admin`);
    assert.match(created.Role?.RoleId ?? '', /^AROA[A-Z0-9]{17}$/);
    const got = await iam.send(new GetRoleCommand({ RoleName: 'admin' }));
    const encoded = got.Role?.AssumeRolePolicyDocument ?? '';
    assert.ok(encoded.startsWith('%7B%0A%20%20%22Version%22%3A%20%222012-10-17%22'), encoded.slice(0, 60));
    assert.equal(decodeURIComponent(encoded), SAML_TRUST);
    assert.equal(got.Role?.MaxSessionDuration, 7200);
    assert.equal(got.Role?.Description, 'Administrators (föderiert)');
    assert.equal(got.Role?.Path, '/sso/');
    assert.deepEqual(got.Role?.Tags, [{ Key: 'team', Value: 'platform' }]);
    assert.ok(got.Role?.CreateDate instanceof Date);
  });

  test('refuses a duplicate name regardless of case with EntityAlreadyExists 409', async () => {
    const error = await errorOf(iam.send(new CreateRoleCommand({ RoleName: 'ADMIN', AssumeRolePolicyDocument: SAML_TRUST })));
    assert.deepEqual([error.name, error.status], ['EntityAlreadyExistsException', 409]);
  });

  test('validates RoleName and MaxSessionDuration with AWS-shaped messages', async () => {
    const error = await errorOf(
      iam.send(new CreateRoleCommand({ RoleName: 'bad name!', AssumeRolePolicyDocument: SAML_TRUST, MaxSessionDuration: 50000 })),
    );
    assert.equal(error.name, 'ValidationError');
    assert.equal(error.status, 400);
    assert.equal(
      error.message,
      "2 validation errors detected: Value 'bad name!' at 'roleName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+; " +
        "Value '50000' at 'maxSessionDuration' failed to satisfy constraint: Member must have value less than or equal to 43200",
    );
    const long = await errorOf(iam.send(new CreateRoleCommand({ RoleName: 'x'.repeat(65), AssumeRolePolicyDocument: SAML_TRUST })));
    assert.match(long.message, /at 'roleName' failed to satisfy constraint: Member must have length less than or equal to 64$/);
  });

  test('refuses a malformed trust policy with MalformedPolicyDocument', async () => {
    const error = await errorOf(iam.send(new CreateRoleCommand({ RoleName: 'Broken', AssumeRolePolicyDocument: '{"Version":"2012-10-17"' })));
    assert.deepEqual([error.name, error.status], ['MalformedPolicyDocumentException', 400]);
    const noPrincipal = await errorOf(
      iam.send(
        new CreateRoleCommand({
          RoleName: 'Broken',
          AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole' }] }),
        }),
      ),
    );
    assert.equal(noPrincipal.name, 'MalformedPolicyDocumentException');
  });

  test('refuses a trust policy naming another account\'s SAML provider, on create and on update', async () => {
    const foreign = SAML_TRUST.replace(`arn:aws:iam::${MANAGEMENT}:saml-provider/rolegate`, `arn:aws:iam::${MEMBER}:saml-provider/rolegate`);
    assert.notEqual(foreign, SAML_TRUST);
    const created = await errorOf(iam.send(new CreateRoleCommand({ RoleName: 'Foreign', AssumeRolePolicyDocument: foreign })));
    assert.deepEqual([created.name, created.status], ['MalformedPolicyDocumentException', 400]);
    assert.match(created.message, new RegExp(`^Invalid principal in policy: "Federated":"arn:aws:iam::${MEMBER}:saml-provider/rolegate" \\(a role of account ${MANAGEMENT} can only trust identity providers of account ${MANAGEMENT}\\)`));
    const updated = await errorOf(iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: 'Admin', PolicyDocument: foreign })));
    assert.equal(updated.name, 'MalformedPolicyDocumentException');
  });

  test('updates description, session duration and trust policy', async () => {
    await iam.send(new UpdateRoleCommand({ RoleName: 'Admin', Description: 'changed', MaxSessionDuration: 43200 }));
    const newTrust = trustPolicyFor(`arn:aws:iam::${MEMBER}:root`);
    await iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: 'Admin', PolicyDocument: newTrust }));
    const got = await iam.send(new GetRoleCommand({ RoleName: 'Admin' }));
    assert.equal(got.Role?.Description, 'changed');
    assert.equal(got.Role?.MaxSessionDuration, 43200);
    assert.equal(decodeURIComponent(got.Role?.AssumeRolePolicyDocument ?? ''), newTrust);
    const error = await errorOf(iam.send(new UpdateRoleCommand({ RoleName: 'Admin', MaxSessionDuration: 3599 })));
    assert.match(error.message, /Value '3599' at 'maxSessionDuration' failed to satisfy constraint: Member must have value greater than or equal to 3600/);
  });

  test('pages 250 roles with MaxItems 100, Marker and IsTruncated', async () => {
    for (let i = 0; i < 250; i++) {
      await t.sandbox.admin.createRole(MANAGEMENT, { roleName: `Role-${String(i).padStart(3, '0')}`, trustPolicyJson: SAML_TRUST });
    }
    const seen: Role[] = [];
    const pages: Array<{ count: number; truncated: boolean | undefined }> = [];
    let marker: string | undefined;
    do {
      const page = await iam.send(new ListRolesCommand({ MaxItems: 100, Marker: marker }));
      pages.push({ count: page.Roles?.length ?? 0, truncated: page.IsTruncated });
      seen.push(...(page.Roles ?? []));
      marker = page.IsTruncated ? page.Marker : undefined;
      if (page.IsTruncated) assert.ok(page.Marker);
    } while (marker !== undefined);
    // 250 created here + Admin = 251 roles.
    assert.deepEqual(pages, [
      { count: 100, truncated: true },
      { count: 100, truncated: true },
      { count: 51, truncated: false },
    ]);
    assert.equal(new Set(seen.map((r) => r.RoleName)).size, 251);
    assert.equal(decodeURIComponent(seen.find((r) => r.RoleName === 'Role-007')?.AssumeRolePolicyDocument ?? ''), SAML_TRUST);
    const defaultPage = await iam.send(new ListRolesCommand({}));
    assert.equal(defaultPage.Roles?.length, 100);
    const bad = await errorOf(iam.send(new ListRolesCommand({ MaxItems: 1001 })));
    assert.equal(bad.name, 'ValidationError');
    const prefixed = await iam.send(new ListRolesCommand({ PathPrefix: '/sso/' }));
    assert.deepEqual(prefixed.Roles?.map((r) => r.RoleName), ['Admin']);
  });

  test('enforces the per-account role limit with LimitExceeded', async () => {
    const member = t.iam(t.sandbox.admin.getRootCredentials(MEMBER));
    const trust = trustPolicyFor(`arn:aws:iam::${MEMBER}:root`);
    await member.send(new CreateRoleCommand({ RoleName: 'one', AssumeRolePolicyDocument: trust }));
    await member.send(new CreateRoleCommand({ RoleName: 'two', AssumeRolePolicyDocument: trust }));
    const error = await errorOf(member.send(new CreateRoleCommand({ RoleName: 'three', AssumeRolePolicyDocument: trust })));
    assert.deepEqual([error.name, error.status, error.message], ['LimitExceededException', 409, 'Cannot exceed quota for RolesPerAccount: 2']);
    // Accounts are isolated: the member's roles do not show in the management account.
    const listed = await member.send(new ListRolesCommand({}));
    assert.deepEqual(listed.Roles?.map((r) => r.RoleName), ['one', 'two']);
  });

  test('deletes a role; a missing role is NoSuchEntity 404', async () => {
    await iam.send(new DeleteRoleCommand({ RoleName: 'Role-000' }));
    const error = await errorOf(iam.send(new GetRoleCommand({ RoleName: 'Role-000' })));
    assert.deepEqual([error.name, error.status, error.message], ['NoSuchEntityException', 404, 'The role with name Role-000 cannot be found.']);
    const again = await errorOf(iam.send(new DeleteRoleCommand({ RoleName: 'Role-000' })));
    assert.equal(again.name, 'NoSuchEntityException');
  });
});
