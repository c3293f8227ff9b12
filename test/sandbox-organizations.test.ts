import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { readFile } from 'node:fs/promises';
import { AssumeRoleCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import {
  CreateAccountCommand,
  DescribeCreateAccountStatusCommand,
  DescribeAccountCommand,
  DescribeOrganizationCommand,
  ListAccountsCommand,
  ListRootsCommand,
  type Account,
} from '@aws-sdk/client-organizations';
import { MANAGEMENT, MEMBER, startTestSandbox, type TestSandbox } from './support/start-test-sandbox.ts';
import { errorOf } from './support/aws-error-of.ts';

describe('sandbox Organizations through @aws-sdk/client-organizations', () => {
  let t: TestSandbox;
  const accountIds = [MANAGEMENT, MEMBER, ...Array.from({ length: 23 }, (_, i) => String(300000000000 + i))];

  before(async () => {
    t = await startTestSandbox({ config: { accounts: accountIds.map((id) => ({ id })) } });
  });
  after(async () => t.close());

  test('ListAccounts pages with MaxResults and NextToken', async () => {
    const org = t.organizations(t.sandbox.admin.getRootCredentials(MANAGEMENT));
    const seen: Account[] = [];
    const sizes: number[] = [];
    let token: string | undefined;
    do {
      const page = await org.send(new ListAccountsCommand({ MaxResults: 10, NextToken: token }));
      sizes.push(page.Accounts?.length ?? 0);
      seen.push(...(page.Accounts ?? []));
      token = page.NextToken;
    } while (token !== undefined);
    assert.deepEqual(sizes, [10, 10, 5]);
    assert.deepEqual(seen.map((a) => a.Id), [...accountIds].sort());
    const management = seen.find((a) => a.Id === MANAGEMENT)!;
    assert.equal(management.Status, 'ACTIVE');
    assert.ok(management.JoinedTimestamp instanceof Date);
    assert.match(management.Arn ?? '', new RegExp(`^arn:aws:organizations::${MANAGEMENT}:account/o-[a-z0-9]{10}/${MANAGEMENT}$`));
    const bad = await errorOf(org.send(new ListAccountsCommand({ MaxResults: 21 })));
    assert.deepEqual([bad.name, bad.status], ['InvalidInputException', 400]);
  });

  test('DescribeOrganization, DescribeAccount and ListRoots', async () => {
    const org = t.organizations(t.sandbox.admin.getRootCredentials(MANAGEMENT));
    const described = await org.send(new DescribeOrganizationCommand({}));
    assert.equal(described.Organization?.MasterAccountId, MANAGEMENT);
    assert.equal(described.Organization?.FeatureSet, 'ALL');
    const account = await org.send(new DescribeAccountCommand({ AccountId: MEMBER }));
    assert.equal(account.Account?.Id, MEMBER);
    const missing = await errorOf(org.send(new DescribeAccountCommand({ AccountId: '999999999999' })));
    assert.equal(missing.name, 'AccountNotFoundException');
    const roots = await org.send(new ListRootsCommand({}));
    assert.match(roots.Roots?.[0]?.Id ?? '', /^r-[a-z0-9]{4}$/);
  });

  test('member accounts may describe the organization but not list its accounts', async () => {
    const member = t.organizations(t.sandbox.admin.getRootCredentials(MEMBER));
    assert.equal((await member.send(new DescribeOrganizationCommand({}))).Organization?.MasterAccountId, MANAGEMENT);
    const denied = await errorOf(member.send(new ListAccountsCommand({})));
    assert.deepEqual([denied.name, denied.status], ['AccessDeniedException', 400]);
  });

  test('authentication failures use the JSON protocol names', async () => {
    const { accessKeyId } = t.sandbox.admin.getRootCredentials(MANAGEMENT);
    const wrong = await errorOf(t.organizations({ accessKeyId, secretAccessKey: 'z'.repeat(40) }).send(new ListAccountsCommand({})));
    assert.deepEqual([wrong.name, wrong.status], ['InvalidSignatureException', 403]);
    const unknown = await errorOf(t.organizations({ accessKeyId: 'AKIAAAAAAAAAAAAAAAAA', secretAccessKey: 'z'.repeat(40) }).send(new ListAccountsCommand({})));
    assert.deepEqual([unknown.name, unknown.status], ['UnrecognizedClientException', 403]);
  });

  test('CreateAccount: IN_PROGRESS, then SUCCEEDED with a root key in the credentials file and an access role for the management account', async () => {
    const org = t.organizations(t.sandbox.admin.getRootCredentials(MANAGEMENT));
    const created = await org.send(new CreateAccountCommand({ Email: 'team-a@example.test', AccountName: 'Team A' }));
    assert.equal(created.CreateAccountStatus?.State, 'IN_PROGRESS');
    assert.equal(created.CreateAccountStatus?.AccountId, undefined, 'AWS names the account only when it is done');
    const requestId = created.CreateAccountStatus?.Id ?? '';
    assert.match(requestId, /^car-[a-z0-9]{32}$/);
    const status = (await org.send(new DescribeCreateAccountStatusCommand({ CreateAccountRequestId: requestId }))).CreateAccountStatus;
    assert.equal(status?.State, 'SUCCEEDED');
    assert.ok(status?.CompletedTimestamp instanceof Date);
    const accountId = status?.AccountId ?? '';
    assert.match(accountId, /^\d{12}$/);
    const described = await org.send(new DescribeAccountCommand({ AccountId: accountId }));
    assert.deepEqual([described.Account?.Name, described.Account?.Email], ['Team A', 'team-a@example.test']);

    const credentials = await readFile(t.sandbox.admin.credentialsFilePath, 'utf8');
    assert.match(credentials, new RegExp(`^\\[${accountId}\\]$`, 'm'));
    const root = t.sts(t.sandbox.admin.getRootCredentials(accountId));
    assert.equal((await root.send(new GetCallerIdentityCommand({}))).Account, accountId);

    const assumed = await t.sts(t.sandbox.admin.getRootCredentials(MANAGEMENT)).send(
      new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${accountId}:role/OrganizationAccountAccessRole`, RoleSessionName: 'provisioning' }),
    );
    const session = assumed.Credentials!;
    const inside = t.sts({ accessKeyId: session.AccessKeyId!, secretAccessKey: session.SecretAccessKey!, sessionToken: session.SessionToken! });
    assert.equal((await inside.send(new GetCallerIdentityCommand({}))).Arn, `arn:aws:sts::${accountId}:assumed-role/OrganizationAccountAccessRole/provisioning`);
  });

  test('CreateAccount: a custom access role name, an email in use fails the request, bad input and members are refused', async () => {
    const org = t.organizations(t.sandbox.admin.getRootCredentials(MANAGEMENT));
    const custom = await org.send(new CreateAccountCommand({ Email: 'team-b@example.test', AccountName: 'Team B', RoleName: 'Provisioner' }));
    const customStatus = await org.send(new DescribeCreateAccountStatusCommand({ CreateAccountRequestId: custom.CreateAccountStatus?.Id }));
    const roleArn = `arn:aws:iam::${customStatus.CreateAccountStatus?.AccountId}:role/Provisioner`;
    assert.ok(await t.sts(t.sandbox.admin.getRootCredentials(MANAGEMENT)).send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'setup' })));

    const again = await org.send(new CreateAccountCommand({ Email: 'TEAM-A@example.test', AccountName: 'Team A again' }));
    const failed = await org.send(new DescribeCreateAccountStatusCommand({ CreateAccountRequestId: again.CreateAccountStatus?.Id }));
    assert.deepEqual([failed.CreateAccountStatus?.State, failed.CreateAccountStatus?.FailureReason, failed.CreateAccountStatus?.AccountId], ['FAILED', 'EMAIL_ALREADY_EXISTS', undefined]);

    const badEmail = await errorOf(org.send(new CreateAccountCommand({ Email: 'not-an-email', AccountName: 'X' })));
    assert.deepEqual([badEmail.name, badEmail.status], ['InvalidInputException', 400]);
    assert.match(badEmail.message, /Email that does not match the required pattern/);
    const longName = await errorOf(org.send(new CreateAccountCommand({ Email: 'x@example.test', AccountName: 'n'.repeat(51) })));
    assert.match(longName.message, /maximum length allowed for AccountName \(50\)/);
    const unknown = await errorOf(org.send(new DescribeCreateAccountStatusCommand({ CreateAccountRequestId: 'car-00000000000000000000000000000000' })));
    assert.equal(unknown.name, 'CreateAccountStatusNotFoundException');
    const member = t.organizations(t.sandbox.admin.getRootCredentials(MEMBER));
    const denied = await errorOf(member.send(new CreateAccountCommand({ Email: 'm@example.test', AccountName: 'M' })));
    assert.deepEqual([denied.name, denied.status], ['AccessDeniedException', 400]);
  });
});
