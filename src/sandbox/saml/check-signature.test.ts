import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { describeXmlTree } from '../../../test/support/describe-xml-tree.ts';
import { buildTestResponse } from '../../../test/support/build-test-response.ts';
import { createTestCertificate, type TestSigningKey } from '../../../test/support/create-test-certificate.ts';
import { signTestResponse } from '../../../test/support/sign-test-response.ts';
import { checkSignature, parseSamlXml } from './check-signature.ts';
import { SandboxSamlError } from './sandbox-saml-error.ts';

const now = new Date('2025-01-15T12:00:00Z');
let idp: TestSigningKey;
let other: TestSigningKey;

before(async () => {
  [idp, other] = await Promise.all([createTestCertificate({ commonName: 'idp' }), createTestCertificate({ commonName: 'other' })]);
});

const provider = (key: TestSigningKey) => ({ arn: 'arn:aws:iam::111122223333:saml-provider/p', entityId: 'https://idp.example.test/saml', signingCertificatesPem: [key.certificatePem] });

describe('checkSignature', () => {
  test('one parsed document serves every provider tried, and is left as it was whether verification passes or fails', () => {
    for (const sign of ['assertion', 'response', 'both'] as const) {
      const doc = parseSamlXml(signTestResponse(buildTestResponse({ now }), { key: idp, sign }));
      const before = describeXmlTree(doc);
      const verified = checkSignature(doc, provider(idp), false);
      assert.equal(verified.assertion.getAttribute('ID'), '_assert0001');
      // Not signed, the Response is the parsed one; signed, it is read from the signed bytes.
      assert.equal(verified.response === doc.documentElement, sign === 'assertion');
      assert.throws(() => checkSignature(doc, provider(other), false), (error: unknown) => error instanceof SandboxSamlError && error.check === 'check-signature' && /not signed by any certificate/.test(error.message));
      assert.equal(describeXmlTree(doc), before);
      assert.equal(checkSignature(doc, provider(idp), false).assertion.getAttribute('ID'), '_assert0001', 'still verifies after a failed try');
    }
  });

  test('a tampered document fails its digest; an unparseable one is check-xml', () => {
    const xml = signTestResponse(buildTestResponse({ now }), { key: idp, sign: 'assertion' });
    const tampered = parseSamlXml(xml.replace('alice@example.test', 'mallory@example.test'));
    assert.throws(() => checkSignature(tampered, provider(idp), false), (error: unknown) => error instanceof SandboxSamlError && /^Signature digest of the Assertion does not match/.test(error.message));
    assert.throws(() => parseSamlXml('<x>'), (error: unknown) => error instanceof SandboxSamlError && error.check === 'check-xml');
  });
});
