import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  CreateAccessKeyCommand,
  CreateAccountAliasCommand,
  CreateUserCommand,
  DeleteAccountAliasCommand,
  DeleteUserCommand,
  GetUserCommand,
  ListAccountAliasesCommand,
  ListRolesCommand,
  PutUserPolicyCommand,
  type IAMClient,
} from '@aws-sdk/client-iam';
import { MANAGEMENT, MEMBER, startTestSandbox, type TestSandbox } from './support/start-test-sandbox.ts';
import { errorOf } from './support/aws-error-of.ts';

describe('sandbox IAM account aliases, users, keys and permissions', () => {
  let t: TestSandbox;
  let root: IAMClient;

  before(async () => {
    t = await startTestSandbox();
    root = t.iam(t.sandbox.admin.getRootCredentials(MANAGEMENT));
  });
  after(async () => t.close());

  test('lists, replaces and deletes the one account alias', async () => {
    assert.deepEqual((await root.send(new ListAccountAliasesCommand({}))).AccountAliases, ['mgmt']);
    await root.send(new CreateAccountAliasCommand({ AccountAlias: 'acme-prod' }));
    const listed = await root.send(new ListAccountAliasesCommand({}));
    assert.deepEqual([listed.AccountAliases, listed.IsTruncated], [['acme-prod'], false]);
    const member = t.iam(t.sandbox.admin.getRootCredentials(MEMBER));
    const taken = await errorOf(member.send(new CreateAccountAliasCommand({ AccountAlias: 'acme-prod' })));
    assert.deepEqual([taken.name, taken.status], ['EntityAlreadyExistsException', 409]);
    const bad = await errorOf(member.send(new CreateAccountAliasCommand({ AccountAlias: 'a--b' })));
    assert.equal(bad.name, 'ValidationError');
    assert.match(bad.message, /^1 validation error detected: Value 'a--b' at 'accountAlias' failed to satisfy constraint: Member must satisfy regular expression pattern/);
    const missing = await errorOf(root.send(new DeleteAccountAliasCommand({ AccountAlias: 'other' })));
    assert.deepEqual([missing.name, missing.status], ['NoSuchEntityException', 404]);
    await root.send(new DeleteAccountAliasCommand({ AccountAlias: 'acme-prod' }));
    assert.deepEqual((await root.send(new ListAccountAliasesCommand({}))).AccountAliases, []);
  });

  test('an IAM user without iam:ListRoles gets AWS-shaped AccessDenied; a policy grants it', async () => {
    const created = await root.send(new CreateUserCommand({ UserName: 'bob' }));
    assert.equal(created.User?.Arn, `arn:aws:iam::${MANAGEMENT}:user/bob`);
    const key = await root.send(new CreateAccessKeyCommand({ UserName: 'bob' }));
    assert.match(key.AccessKey?.AccessKeyId ?? '', /^AKIA[A-Z2-7]{16}$/);
    assert.equal(key.AccessKey?.SecretAccessKey?.length, 40);
    const bob = t.iam({ accessKeyId: key.AccessKey!.AccessKeyId!, secretAccessKey: key.AccessKey!.SecretAccessKey! });

    const denied = await errorOf(bob.send(new ListRolesCommand({})));
    assert.deepEqual([denied.name, denied.status], ['AccessDenied', 403]);
    assert.equal(
      denied.message,
      `User: arn:aws:iam::${MANAGEMENT}:user/bob is not authorized to perform: iam:ListRoles on resource: arn:aws:iam::${MANAGEMENT}:role/ because no identity-based policy allows the iam:ListRoles action`,
    );

    await root.send(
      new PutUserPolicyCommand({
        UserName: 'bob',
        PolicyName: 'read-roles',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Action: ['iam:ListRoles', 'iam:GetUser'], Resource: '*' },
            { Effect: 'Deny', Action: 'iam:CreateUser', Resource: '*' },
          ],
        }),
      }),
    );
    const listed = await bob.send(new ListRolesCommand({}));
    assert.deepEqual(listed.Roles, []);
    const self = await bob.send(new GetUserCommand({}));
    assert.equal(self.User?.UserName, 'bob');
    const explicit = await errorOf(bob.send(new CreateUserCommand({ UserName: 'mallory' })));
    assert.equal(
      explicit.message,
      `User: arn:aws:iam::${MANAGEMENT}:user/bob is not authorized to perform: iam:CreateUser on resource: arn:aws:iam::${MANAGEMENT}:user/mallory with an explicit deny in an identity-based policy`,
    );
    const notAllowed = await errorOf(bob.send(new CreateAccessKeyCommand({})));
    assert.equal(notAllowed.name, 'AccessDenied');
  });

  test('keys: two per user, then LimitExceeded; a user with keys cannot be deleted', async () => {
    await root.send(new CreateAccessKeyCommand({ UserName: 'bob' }));
    const third = await errorOf(root.send(new CreateAccessKeyCommand({ UserName: 'bob' })));
    assert.deepEqual([third.name, third.message], ['LimitExceededException', 'Cannot exceed quota for AccessKeysPerUser: 2']);
    const conflict = await errorOf(root.send(new DeleteUserCommand({ UserName: 'bob' })));
    assert.deepEqual([conflict.name, conflict.status], ['DeleteConflictException', 409]);
    const duplicate = await errorOf(root.send(new CreateUserCommand({ UserName: 'BOB' })));
    assert.equal(duplicate.name, 'EntityAlreadyExistsException');
  });

  test('GetUser with root credentials describes the root', async () => {
    const me = await root.send(new GetUserCommand({}));
    assert.deepEqual([me.User?.Arn, me.User?.UserId], [`arn:aws:iam::${MANAGEMENT}:root`, MANAGEMENT]);
  });
});
