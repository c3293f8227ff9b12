import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CreateRoleCommand, ListRolesCommand, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { AssumeRoleCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { MANAGEMENT, MEMBER, startTestSandbox, trustPolicyFor, type TestSandbox } from './support/start-test-sandbox.ts';
import { errorOf } from './support/aws-error-of.ts';

describe('sandbox STS through @aws-sdk/client-sts', () => {
  let t: TestSandbox;
  // A clock the test moves forward; it starts at the real time so SigV4 times agree.
  let offsetMs = 0;
  const now = () => new Date(Date.now() + offsetMs);

  before(async () => {
    t = await startTestSandbox({ now });
    const member = t.iam(t.sandbox.admin.getRootCredentials(MEMBER));
    // Cross-account: trusts the management account (delegation), needs an ExternalId.
    await member.send(
      new CreateRoleCommand({
        RoleName: 'Auditor',
        AssumeRolePolicyDocument: trustPolicyFor(`arn:aws:iam::${MANAGEMENT}:root`, { StringEquals: { 'sts:ExternalId': 'ext-123' } }),
      }),
    );
    await member.send(
      new PutRolePolicyCommand({
        RoleName: 'Auditor',
        PolicyName: 'list',
        PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:ListRoles', Resource: '*' }] }),
      }),
    );
    // Same account, no inline policy: its sessions may only call GetCallerIdentity.
    await member.send(new CreateRoleCommand({ RoleName: 'Bare', AssumeRolePolicyDocument: trustPolicyFor(`arn:aws:iam::${MANAGEMENT}:root`) }));
  });
  after(async () => t.close());

  test('GetCallerIdentity with root keys', async () => {
    const identity = await t.sts(t.sandbox.admin.getRootCredentials(MANAGEMENT)).send(new GetCallerIdentityCommand({}));
    assert.deepEqual([identity.Account, identity.Arn, identity.UserId], [MANAGEMENT, `arn:aws:iam::${MANAGEMENT}:root`, MANAGEMENT]);
  });

  test('AssumeRole across accounts with ExternalId; temporary credentials work and carry the role', async () => {
    const sts = t.sts(t.sandbox.admin.getRootCredentials(MANAGEMENT));
    const roleArn = `arn:aws:iam::${MEMBER}:role/Auditor`;
    const refused = await errorOf(sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'alice', ExternalId: 'wrong' })));
    assert.deepEqual([refused.name, refused.status], ['AccessDenied', 403]);
    assert.equal(refused.message, `User: arn:aws:iam::${MANAGEMENT}:root is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`);

    const assumed = await sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'alice', ExternalId: 'ext-123', DurationSeconds: 900 }));
    const credentials = assumed.Credentials!;
    assert.match(credentials.AccessKeyId ?? '', /^ASIA[A-Z2-7]{16}$/);
    assert.equal(assumed.AssumedRoleUser?.Arn, `arn:aws:sts::${MEMBER}:assumed-role/Auditor/alice`);
    assert.match(assumed.AssumedRoleUser?.AssumedRoleId ?? '', /^AROA[A-Z0-9]{17}:alice$/);
    const expiresIn = credentials.Expiration!.getTime() - now().getTime();
    assert.ok(expiresIn > 890_000 && expiresIn <= 900_000, `expires in ${expiresIn} ms`);

    const temp = {
      accessKeyId: credentials.AccessKeyId!,
      secretAccessKey: credentials.SecretAccessKey!,
      sessionToken: credentials.SessionToken!,
    };
    const identity = await t.sts(temp).send(new GetCallerIdentityCommand({}));
    assert.deepEqual([identity.Account, identity.Arn, identity.UserId], [MEMBER, `arn:aws:sts::${MEMBER}:assumed-role/Auditor/alice`, assumed.AssumedRoleUser?.AssumedRoleId]);
    // The role's inline policy allows ListRoles in the member account.
    const roles = await t.iam(temp).send(new ListRolesCommand({}));
    assert.deepEqual(roles.Roles?.map((r) => r.RoleName).sort(), ['Auditor', 'Bare']);

    // A wrong session token is refused.
    const forged = await errorOf(t.sts({ ...temp, sessionToken: `${temp.sessionToken}x` }).send(new GetCallerIdentityCommand({})));
    assert.deepEqual([forged.name, forged.status], ['InvalidClientTokenId', 403]);
  });

  test('a role without inline policies can only call GetCallerIdentity', async () => {
    const sts = t.sts(t.sandbox.admin.getRootCredentials(MANAGEMENT));
    const assumed = await sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${MEMBER}:role/Bare`, RoleSessionName: 'bob' }));
    const temp = { accessKeyId: assumed.Credentials!.AccessKeyId!, secretAccessKey: assumed.Credentials!.SecretAccessKey!, sessionToken: assumed.Credentials!.SessionToken! };
    assert.equal((await t.sts(temp).send(new GetCallerIdentityCommand({}))).Account, MEMBER);
    const denied = await errorOf(t.iam(temp).send(new ListRolesCommand({})));
    assert.equal(denied.message, `User: arn:aws:sts::${MEMBER}:assumed-role/Bare/bob is not authorized to perform: iam:ListRoles on resource: arn:aws:iam::${MEMBER}:role/ because no identity-based policy allows the iam:ListRoles action`);
  });

  test('an IAM user needs sts:AssumeRole in its own policy for a role that trusts its account', async () => {
    const user = await t.sandbox.admin.createUser(MANAGEMENT, 'carol');
    const sts = t.sts({ accessKeyId: user.accessKeyId, secretAccessKey: user.secretAccessKey });
    const roleArn = `arn:aws:iam::${MEMBER}:role/Bare`;
    const denied = await errorOf(sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'carol' })));
    assert.equal(denied.name, 'AccessDenied');
    const granted = await t.sandbox.admin.createUser(MANAGEMENT, 'dave', {
      assume: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: roleArn }] }),
    });
    const ok = await t.sts({ accessKeyId: granted.accessKeyId, secretAccessKey: granted.secretAccessKey }).send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'dave' }));
    assert.equal(ok.AssumedRoleUser?.Arn, `arn:aws:sts::${MEMBER}:assumed-role/Bare/dave`);
  });

  test('refuses unknown roles like refused ones, and durations above MaxSessionDuration', async () => {
    const sts = t.sts(t.sandbox.admin.getRootCredentials(MANAGEMENT));
    const missing = await errorOf(sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${MEMBER}:role/Nope`, RoleSessionName: 'x1' })));
    assert.deepEqual([missing.name, missing.status], ['AccessDenied', 403]);
    const tooLong = await errorOf(sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${MEMBER}:role/Bare`, RoleSessionName: 'x1', DurationSeconds: 7200 })));
    assert.deepEqual([tooLong.name, tooLong.message], ['ValidationError', 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.']);
    const badName = await errorOf(sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${MEMBER}:role/Bare`, RoleSessionName: 'a b' })));
    assert.match(badName.message, /Value 'a b' at 'roleSessionName' failed to satisfy constraint/);
  });

  test('temporary credentials expire: ExpiredToken after Expiration', async () => {
    const sts = t.sts(t.sandbox.admin.getRootCredentials(MANAGEMENT));
    const assumed = await sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${MEMBER}:role/Bare`, RoleSessionName: 'late', DurationSeconds: 900 }));
    const temp = { accessKeyId: assumed.Credentials!.AccessKeyId!, secretAccessKey: assumed.Credentials!.SecretAccessKey!, sessionToken: assumed.Credentials!.SessionToken! };
    offsetMs = 901_000;
    try {
      const expired = await errorOf(t.sts(temp).send(new GetCallerIdentityCommand({})));
      assert.deepEqual([expired.name, expired.status, expired.message], ['ExpiredToken', 400, 'The security token included in the request is expired']);
    } finally {
      offsetMs = 0;
    }
  });
});
