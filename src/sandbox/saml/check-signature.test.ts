import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { XMLSerializer } from '@xmldom/xmldom';
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
  test('reuses the document readCandidateProviders parsed and leaves the shared document as it was, whether verification passes or fails', () => {
    for (const sign of ['assertion', 'response', 'both'] as const) {
      const xml = signTestResponse(buildTestResponse({ now }), { key: idp, sign });
      const doc = parseSamlXml(xml);
      const before = new XMLSerializer().serializeToString(doc);
      const verified = checkSignature(`${xml}`, provider(idp), false);
      assert.equal(verified.assertion.getAttribute('ID'), '_assert0001');
      // Not signed, the Response is the one of the shared parse; signed, it is read from the signed bytes.
      assert.equal(verified.response === doc.documentElement, sign === 'assertion');
      assert.throws(() => checkSignature(xml, provider(other), false), (error: unknown) => error instanceof SandboxSamlError && error.check === 'check-signature' && /not signed by any certificate/.test(error.message));
      assert.equal(new XMLSerializer().serializeToString(doc), before);
    }
  });

  test('a different text is parsed anew, and parseSamlXml always parses', () => {
    const xml = signTestResponse(buildTestResponse({ now }), { key: idp, sign: 'assertion' });
    const tampered = xml.replace('alice@example.test', 'mallory@example.test');
    const doc = parseSamlXml(xml);
    assert.throws(() => checkSignature(tampered, provider(idp), false), (error: unknown) => error instanceof SandboxSamlError && /^Signature digest of the Assertion does not match/.test(error.message));
    assert.notEqual(checkSignature(xml, provider(idp), false).response, doc.documentElement);
    assert.notEqual(parseSamlXml(xml), doc, 'each parse is a new document');
  });
});
