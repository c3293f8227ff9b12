import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  CreateSAMLProviderCommand,
  DeleteSAMLProviderCommand,
  GetSAMLProviderCommand,
  ListSAMLProvidersCommand,
  UpdateSAMLProviderCommand,
  type IAMClient,
} from '@aws-sdk/client-iam';
import { buildIdpMetadata, createSandboxTestIdp, type SandboxTestIdp } from './support/sandbox-metadata.ts';
import { MANAGEMENT, MEMBER, startTestSandbox, type TestSandbox } from './support/start-test-sandbox.ts';
import { errorOf } from './support/aws-error-of.ts';

describe('sandbox IAM SAML providers through @aws-sdk/client-iam', () => {
  let t: TestSandbox;
  let iam: IAMClient;
  let idp: SandboxTestIdp;
  let nextIdp: SandboxTestIdp;
  const arn = `arn:aws:iam::${MANAGEMENT}:saml-provider/rolegate`;

  before(async () => {
    t = await startTestSandbox();
    iam = t.iam(t.sandbox.admin.getRootCredentials(MANAGEMENT));
    idp = await createSandboxTestIdp('https://idp.example.test/app/1');
    nextIdp = await createSandboxTestIdp('https://idp.example.test/app/1');
  });
  after(async () => t.close());

  test('creates, gets and lists a provider', async () => {
    const created = await iam.send(
      new CreateSAMLProviderCommand({ Name: 'rolegate', SAMLMetadataDocument: idp.metadataXml, Tags: [{ Key: 'owner', Value: 'identity' }] }),
    );
    assert.equal(created.SAMLProviderArn, arn);
    assert.deepEqual(created.Tags, [{ Key: 'owner', Value: 'identity' }]);
    const got = await iam.send(new GetSAMLProviderCommand({ SAMLProviderArn: arn }));
    assert.equal(got.SAMLMetadataDocument, idp.metadataXml);
    assert.ok(got.CreateDate instanceof Date);
    assert.ok((got.ValidUntil?.getTime() ?? 0) > Date.now() + 50 * 365 * 86400_000);
    const listed = await iam.send(new ListSAMLProvidersCommand({}));
    assert.deepEqual(listed.SAMLProviderList?.map((p) => p.Arn), [arn]);
    // Providers belong to one account.
    const member = t.iam(t.sandbox.admin.getRootCredentials(MEMBER));
    assert.deepEqual((await member.send(new ListSAMLProvidersCommand({}))).SAMLProviderList, []);
  });

  test('refuses a duplicate name with EntityAlreadyExists 409', async () => {
    const error = await errorOf(iam.send(new CreateSAMLProviderCommand({ Name: 'rolegate', SAMLMetadataDocument: idp.metadataXml })));
    assert.deepEqual([error.name, error.status], ['EntityAlreadyExistsException', 409]);
  });

  test('validates Name and the metadata length', async () => {
    const error = await errorOf(iam.send(new CreateSAMLProviderCommand({ Name: 'bad name', SAMLMetadataDocument: 'short' })));
    assert.equal(error.name, 'ValidationError');
    assert.match(error.message, /^2 validation errors detected: Value 'bad name' at 'name' .*; Value 'short' at 'sAMLMetadataDocument' failed to satisfy constraint: Member must have length greater than or equal to 1000$/);
  });

  test('refuses metadata that is not IdP metadata with InvalidInput 400', async () => {
    const notMetadata = `<?xml version="1.0"?><root xmlns="urn:example">${'<x>padding</x>'.repeat(100)}</root>`;
    const error = await errorOf(iam.send(new CreateSAMLProviderCommand({ Name: 'broken', SAMLMetadataDocument: notMetadata })));
    assert.deepEqual([error.name, error.status], ['InvalidInputException', 400]);
    assert.match(error.message, /^Could not parse metadata: /);
  });

  test('refuses metadata declaring an encoding other than UTF-8, which is what it was read as', async () => {
    const latin1 = idp.metadataXml.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"');
    assert.notEqual(latin1, idp.metadataXml);
    const error = await errorOf(iam.send(new CreateSAMLProviderCommand({ Name: 'latin1', SAMLMetadataDocument: latin1 })));
    assert.deepEqual([error.name, error.status], ['InvalidInputException', 400]);
    assert.match(error.message, /declares encoding "ISO-8859-1", but it was read as UTF-8/);
  });

  test('updates the metadata (certificate rollover)', async () => {
    const both = buildIdpMetadata(nextIdp.entityId, [idp.certificatePem, nextIdp.certificatePem]);
    const updated = await iam.send(new UpdateSAMLProviderCommand({ SAMLProviderArn: arn, SAMLMetadataDocument: both }));
    assert.equal(updated.SAMLProviderArn, arn);
    assert.equal((await iam.send(new GetSAMLProviderCommand({ SAMLProviderArn: arn }))).SAMLMetadataDocument, both);
  });

  test('deletes; a missing provider is NoSuchEntity 404, also from another account', async () => {
    const member = t.iam(t.sandbox.admin.getRootCredentials(MEMBER));
    const foreign = await errorOf(member.send(new DeleteSAMLProviderCommand({ SAMLProviderArn: arn })));
    assert.deepEqual([foreign.name, foreign.status], ['NoSuchEntityException', 404]);
    await iam.send(new DeleteSAMLProviderCommand({ SAMLProviderArn: arn }));
    const gone = await errorOf(iam.send(new GetSAMLProviderCommand({ SAMLProviderArn: arn })));
    assert.deepEqual([gone.name, gone.status], ['NoSuchEntityException', 404]);
    const again = await errorOf(iam.send(new DeleteSAMLProviderCommand({ SAMLProviderArn: arn })));
    assert.equal(again.name, 'NoSuchEntityException');
  });

  test('allows 100 providers per account, then LimitExceeded', async () => {
    for (let i = 0; i < 100; i++) {
      await t.sandbox.admin.createSamlProvider(MEMBER, `idp-${i}`, idp.metadataXml);
    }
    const member = t.iam(t.sandbox.admin.getRootCredentials(MEMBER));
    const error = await errorOf(member.send(new CreateSAMLProviderCommand({ Name: 'one-too-many', SAMLMetadataDocument: idp.metadataXml })));
    assert.deepEqual([error.name, error.status, error.message], ['LimitExceededException', 409, 'Cannot exceed quota for SamlProvidersPerAccount: 100']);
    assert.equal((await member.send(new ListSAMLProvidersCommand({}))).SAMLProviderList?.length, 100);
  });
});
