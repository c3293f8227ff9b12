import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { ListRolesCommand } from '@aws-sdk/client-iam';
import { AssumeRoleWithSAMLCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { AWS_ATTR, buildTestResponse, type TestResponseInput } from './support/build-test-response.ts';
import { createSandboxTestIdp, type SandboxTestIdp } from './support/sandbox-metadata.ts';
import { signTestResponse } from './support/sign-test-response.ts';
import { MANAGEMENT, startTestSandbox, type TestSandbox } from './support/start-test-sandbox.ts';
import { errorOf } from './support/aws-error-of.ts';

const ISSUER = 'https://idp.example.test/saml';
const PROVIDER_ARN = `arn:aws:iam::${MANAGEMENT}:saml-provider/rolegate`;
const ROLE_ARN = `arn:aws:iam::${MANAGEMENT}:role/SamlAdmin`;
const TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Action: 'sts:AssumeRoleWithSAML',
      Principal: { Federated: PROVIDER_ARN },
      Condition: { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } },
    },
  ],
});

describe('sandbox STS AssumeRoleWithSAML (unsigned) through @aws-sdk/client-sts', () => {
  let t: TestSandbox;
  let idp: SandboxTestIdp;
  let stranger: SandboxTestIdp;

  function assertion(overrides: Partial<TestResponseInput> = {}, key: SandboxTestIdp = idp, algorithm: 'sha256' | 'sha1' = 'sha256'): string {
    const xml = buildTestResponse({
      now: new Date(),
      issuer: ISSUER,
      attributes: [
        { name: `${AWS_ATTR}Role`, values: [`${ROLE_ARN},${PROVIDER_ARN}`] },
        { name: `${AWS_ATTR}RoleSessionName`, values: ['alice@example.test'] },
      ],
      ...overrides,
    });
    return Buffer.from(signTestResponse(xml, { key, sign: 'assertion', algorithm }), 'utf8').toString('base64');
  }

  before(async () => {
    t = await startTestSandbox();
    idp = await createSandboxTestIdp(ISSUER);
    stranger = await createSandboxTestIdp(ISSUER);
    await t.sandbox.admin.createSamlProvider(MANAGEMENT, 'rolegate', idp.metadataXml);
    await t.sandbox.admin.createRole(MANAGEMENT, {
      roleName: 'SamlAdmin',
      trustPolicyJson: TRUST,
      maxSessionDuration: 7200,
      inlinePolicies: { read: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:ListRoles', Resource: '*' }] }) },
    });
  });
  after(async () => t.close());

  test('issues credentials for a valid signed assertion, with AWS response fields', async () => {
    const saml = assertion();
    const result = await t.sts().send(new AssumeRoleWithSAMLCommand({ RoleArn: ROLE_ARN, PrincipalArn: PROVIDER_ARN, SAMLAssertion: saml, DurationSeconds: 3600 }));
    assert.match(result.Credentials?.AccessKeyId ?? '', /^ASIA[A-Z2-7]{16}$/);
    assert.equal(result.AssumedRoleUser?.Arn, `arn:aws:sts::${MANAGEMENT}:assumed-role/SamlAdmin/alice@example.test`);
    assert.equal(result.Subject, 'alice@example.test');
    assert.equal(result.SubjectType, 'persistent');
    assert.equal(result.Issuer, ISSUER);
    assert.equal(result.Audience, 'https://signin.aws.amazon.com/saml');
    assert.equal(result.NameQualifier, createHash('sha1').update(`${ISSUER}${MANAGEMENT}/rolegate`).digest('base64'));
    const lifetime = result.Credentials!.Expiration!.getTime() - Date.now();
    assert.ok(lifetime > 3500_000 && lifetime <= 3600_000, `lifetime ${lifetime}`);

    const temp = { accessKeyId: result.Credentials!.AccessKeyId!, secretAccessKey: result.Credentials!.SecretAccessKey!, sessionToken: result.Credentials!.SessionToken! };
    const identity = await t.sts(temp).send(new GetCallerIdentityCommand({}));
    assert.equal(identity.Arn, `arn:aws:sts::${MANAGEMENT}:assumed-role/SamlAdmin/alice@example.test`);
    assert.equal((await t.iam(temp).send(new ListRolesCommand({}))).Roles?.[0]?.RoleName, 'SamlAdmin');

    // AWS accepts a replay inside the validity window (SPEC §3 "Replay").
    const again = await t.sts().send(new AssumeRoleWithSAMLCommand({ RoleArn: ROLE_ARN, PrincipalArn: PROVIDER_ARN, SAMLAssertion: saml }));
    assert.notEqual(again.Credentials?.AccessKeyId, result.Credentials?.AccessKeyId);
  });

  test('an RSA-SHA1 signature is accepted by default, as AWS accepts it (saml.allowSha1)', async () => {
    const result = await t.sts().send(new AssumeRoleWithSAMLCommand({ RoleArn: ROLE_ARN, PrincipalArn: PROVIDER_ARN, SAMLAssertion: assertion({}, idp, 'sha1') }));
    assert.equal(result.AssumedRoleUser?.Arn, `arn:aws:sts::${MANAGEMENT}:assumed-role/SamlAdmin/alice@example.test`);
  });

  test('a wrong audience is InvalidIdentityToken 400 naming the check', async () => {
    const error = await errorOf(
      t.sts().send(new AssumeRoleWithSAMLCommand({ RoleArn: ROLE_ARN, PrincipalArn: PROVIDER_ARN, SAMLAssertion: assertion({ audiences: ['urn:example:other'] }) })),
    );
    assert.deepEqual([error.name, error.status], ['InvalidIdentityTokenException', 400]);
    assert.match(error.message, /\[rolegate check: check-audience\]$/);
  });

  test('a signature by a key not in the metadata is refused', async () => {
    const error = await errorOf(
      t.sts().send(new AssumeRoleWithSAMLCommand({ RoleArn: ROLE_ARN, PrincipalArn: PROVIDER_ARN, SAMLAssertion: assertion({}, stranger) })),
    );
    assert.deepEqual([error.name, error.status], ['InvalidIdentityTokenException', 400]);
    assert.match(error.message, /\[rolegate check: check-signature\]$/);
  });

  test('DurationSeconds above the role maximum and a too-short assertion are refused', async () => {
    const tooLong = await errorOf(
      t.sts().send(new AssumeRoleWithSAMLCommand({ RoleArn: ROLE_ARN, PrincipalArn: PROVIDER_ARN, SAMLAssertion: assertion(), DurationSeconds: 10800 })),
    );
    assert.equal(tooLong.name, 'ValidationError');
    assert.match(tooLong.message, /^The requested DurationSeconds exceeds the MaxSessionDuration set for this role\./);
    const short = await errorOf(t.sts().send(new AssumeRoleWithSAMLCommand({ RoleArn: ROLE_ARN, PrincipalArn: PROVIDER_ARN, SAMLAssertion: 'abc' })));
    assert.equal(short.message, "1 validation error detected: Value 'abc' at 'sAMLAssertion' failed to satisfy constraint: Member must have length greater than or equal to 4 [rolegate check: check-parameters]");
    const noPrincipal = await errorOf(t.sts().send(new AssumeRoleWithSAMLCommand({ RoleArn: ROLE_ARN, PrincipalArn: undefined as unknown as string, SAMLAssertion: assertion(), DurationSeconds: 899 })));
    assert.equal(noPrincipal.name, 'ValidationError');
    assert.match(noPrincipal.message, /^2 validation errors detected: Value null at 'principalArn' failed to satisfy constraint: Member must not be null; Value '899' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900 \[rolegate check: check-parameters\]$/);
  });

  test('an assertion past NotOnOrAfter is ExpiredTokenException', async () => {
    const old = new Date(Date.now() - 3600_000);
    const error = await errorOf(
      t.sts().send(new AssumeRoleWithSAMLCommand({ RoleArn: ROLE_ARN, PrincipalArn: PROVIDER_ARN, SAMLAssertion: assertion({ now: old }) })),
    );
    assert.deepEqual([error.name, error.status], ['ExpiredTokenException', 400]);
    assert.match(error.message, /\[rolegate check: check-time-window\]$/);
  });

  test('the console sign-in is mounted at POST /saml of the sandbox', async () => {
    const own = `${t.sandbox.url}/saml`;
    const response = await fetch(own, { method: 'POST', body: new URLSearchParams({ SAMLResponse: assertion() }) });
    const page = await response.text();
    assert.equal(response.status, 200);
    assert.ok(page.includes('SamlAdmin'));
    // Recipient is what SAML:aud is compared with: the trust policy names AWS's endpoint, not the sandbox's.
    const refused = await fetch(own, { method: 'POST', body: new URLSearchParams({ SAMLResponse: assertion({ recipient: own, destination: own }) }) });
    assert.equal(refused.status, 403);
    assert.ok((await refused.text()).includes('check-trust-policy'));
  });
});
