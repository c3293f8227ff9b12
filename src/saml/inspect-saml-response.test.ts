import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { AWS_ATTR, buildTestResponse } from '../../test/support/build-test-response.ts';
import { createTestCertificate, type TestSigningKey } from '../../test/support/create-test-certificate.ts';
import { signTestResponse } from '../../test/support/sign-test-response.ts';
import { explainAwsSamlAttributes } from '../aws/saml-attributes.ts';
import { formatInspectReport, inspectSamlResponse } from './inspect-saml-response.ts';

const NOW = new Date('2025-01-15T12:00:00Z');
let idp: TestSigningKey;
let other: TestSigningKey;
before(async () => {
  [idp, other] = await Promise.all([createTestCertificate(), createTestCertificate()]);
});

function response(): string {
  return signTestResponse(
    buildTestResponse({
      now: NOW,
      attributes: [
        { name: `${AWS_ATTR}Role`, values: ['arn:aws:iam::123456789012:saml-provider/rolegate,arn:aws:iam::123456789012:role/Admin', 'not-a-pair'] },
        { name: `${AWS_ATTR}RoleSessionName`, values: ['alice smith'] },
        { name: `${AWS_ATTR}SessionDuration`, values: ['60'] },
      ],
    }),
    { key: idp, sign: 'assertion' },
  );
}

test('inspects base64, verifies with the given certificate, explains AWS roles and warns', () => {
  const report = inspectSamlResponse(Buffer.from(response()).toString('base64'), { now: NOW, certificatesPem: [idp.certificatePem], explainAttributes: explainAwsSamlAttributes });
  assert.equal(report.input, 'base64');
  assert.equal(report.verification?.ok, true);
  assert.equal(report.verifiedContent, true);
  assert.equal(report.assertion?.subject?.nameId, 'alice@example.test');
  assert.deepEqual(report.assertion?.conditions?.audiences, [['urn:amazon:webservices']]);
  assert.equal(report.subjectConfirmations[0]?.recipient, 'https://signin.aws.amazon.com/saml');
  assert.deepEqual(report.validity, { notBefore: '2025-01-15T11:59:00Z', notOnOrAfter: '2025-01-15T12:05:00Z', state: 'valid', secondsLeft: 300 });
  assert.equal(report.signatures.length, 1);
  assert.equal(report.signatures[0]?.location, 'Response/Assertion/Signature');
  assert.equal(report.signatures[0]?.signatureAlgorithm, 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256');
  assert.match(report.signatures[0]?.keyInfoCertificate?.subject ?? '', /CN=rolegate test/);
  const roles = (report.explanation?.data as { roles: Array<Record<string, string>> }).roles;
  assert.deepEqual(roles[0], {
    value: 'arn:aws:iam::123456789012:saml-provider/rolegate,arn:aws:iam::123456789012:role/Admin',
    roleArn: 'arn:aws:iam::123456789012:role/Admin',
    providerArn: 'arn:aws:iam::123456789012:saml-provider/rolegate',
    accountId: '123456789012',
    roleName: 'Admin',
    providerName: 'rolegate',
  });
  assert.deepEqual(report.warnings, [
    'Role value "not-a-pair" is not "roleArn,samlProviderArn" (either order)',
    'RoleSessionName "alice smith" does not match [a-zA-Z_0-9+=,.@-]{2,64}',
    'SessionDuration "60" is not one integer from 900 to 43200',
  ]);
  const text = formatInspectReport(report);
  assert.match(text, /Assertion \(verified content\)/);
  assert.match(text, /Role {2}account 123456789012 {2}role Admin {2}provider rolegate/);
  assert.match(text, /Verification: +OK/);
});

test('reports a failed verification, expiry and unverified content', () => {
  const report = inspectSamlResponse(response(), { now: new Date('2025-01-15T13:00:00Z'), certificatesPem: [other.certificatePem] });
  assert.equal(report.input, 'xml');
  assert.equal(report.verification?.ok, false);
  assert.match(report.verification?.message ?? '', /not signed by any certificate/);
  assert.equal(report.verifiedContent, false);
  assert.equal(report.validity.state, 'expired');
  assert.ok(report.warnings.includes('The assertion expired at 2025-01-15T12:05:00Z'));
  assert.match(formatInspectReport(report), /UNVERIFIED content/);
});

test('explains unreadable input instead of throwing', () => {
  assert.match(inspectSamlResponse('%%%', { now: NOW }).error ?? '', /Cannot read the SAML response/);
  assert.match(inspectSamlResponse('<a/>', { now: NOW }).error ?? '', /not a SAML 2.0 Response: the root element is a/);
});
