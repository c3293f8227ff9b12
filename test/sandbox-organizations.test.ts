import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
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
});
