import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { AssumeRoleWithSAMLCommand } from '@aws-sdk/client-sts';
import { errorOf } from './support/aws-error-of.ts';
import { buildIdpMetadata } from './support/sandbox-metadata.ts';
import { ACCOUNT, attackCases, b64, httpStatusOf, ISSUER, NOW, OTHER_ACCOUNT, PROVIDER, role, ROLES, SamlCorpus } from './support/sandbox-saml-corpus.ts';
import { startTestSandbox, type TestSandbox } from './support/start-test-sandbox.ts';

// The same corpus as sandbox-saml-attacks.test.ts, through a real sandbox: the official SDK's
// AssumeRoleWithSAML (AWS's exception name and HTTP status, and the check named in the message)
// and the console's POST /saml (the error page's status, code and check).

// What @aws-sdk/client-sts calls each AWS code: modelled errors get an Exception suffix.
const SDK_NAMES: Readonly<Record<string, string>> = {
  InvalidIdentityToken: 'InvalidIdentityTokenException',
  IDPRejectedClaim: 'IDPRejectedClaimException',
  ExpiredTokenException: 'ExpiredTokenException',
  AccessDenied: 'AccessDenied',
  ValidationError: 'ValidationError',
};

let corpus: SamlCorpus;
let t: TestSandbox;

before(async () => {
  corpus = await SamlCorpus.create();
  // SHA-1 off, as in the corpus's in-process options (the sandbox's default accepts it, as AWS does).
  t = await startTestSandbox({ now: () => NOW, config: { accounts: [{ id: ACCOUNT, alias: 'prod-main' }, { id: OTHER_ACCOUNT }], saml: { allowSha1: false } } });
  await t.sandbox.admin.createSamlProvider(ACCOUNT, 'rolegate', buildIdpMetadata(ISSUER, [corpus.idp.certificatePem]));
  await t.sandbox.admin.createSamlProvider(OTHER_ACCOUNT, 'rolegate', buildIdpMetadata(ISSUER, [corpus.attacker.certificatePem]));
  // Every role the corpus knows that IAM would let exist (not Foreign, whose trust policy names another account).
  for (const r of ROLES.filter((candidate) => candidate.roleName !== 'Foreign')) {
    await t.sandbox.admin.createRole(r.accountId, { roleName: r.roleName, trustPolicyJson: r.trustPolicyJson, maxSessionDuration: r.maxSessionDuration });
  }
});
after(async () => t?.close());

async function postToConsole(samlResponse: string): Promise<{ status: number; body: string }> {
  const response = await fetch(`${t.sandbox.url}/saml`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ SAMLResponse: samlResponse }).toString(),
  });
  return { status: response.status, body: await response.text() };
}

describe('sandbox SAML attack corpus over the wire', () => {
  test('the base response is accepted by both, so every refusal below is the attack\'s', async () => {
    const credentials = await t.sts().send(new AssumeRoleWithSAMLCommand({ RoleArn: role('Admin'), PrincipalArn: PROVIDER, SAMLAssertion: b64(corpus.signed()) }));
    assert.equal(credentials.AssumedRoleUser?.Arn, `arn:aws:sts::${ACCOUNT}:assumed-role/Admin/alice@example.test`);
    const chooser = await postToConsole(b64(corpus.signed()));
    assert.equal(chooser.status, 200);
    assert.match(chooser.body, /prod-main/);
  });

  for (const attack of attackCases(() => corpus)) {
    test(attack.name, async () => {
      const samlResponse = b64(attack.xml());
      const sts = await errorOf(t.sts().send(new AssumeRoleWithSAMLCommand({ RoleArn: role('Admin'), PrincipalArn: PROVIDER, SAMLAssertion: samlResponse })));
      assert.deepEqual([sts.name, sts.status], [SDK_NAMES[attack.code], httpStatusOf(attack.code)], sts.message);
      assert.ok(sts.message.endsWith(`[rolegate check: ${attack.check}]`), sts.message);
      if (attack.message) assert.match(sts.message.replace(/ \[rolegate check: [\w-]+\]$/, ''), attack.message);

      const page = await postToConsole(samlResponse);
      assert.equal(page.status, httpStatusOf(attack.code));
      assert.match(page.body, new RegExp(`AWS would answer <code>${attack.code}</code>`));
      assert.match(page.body, new RegExp(`<span class="check">${attack.check}</span>`));
    });
  }
});
