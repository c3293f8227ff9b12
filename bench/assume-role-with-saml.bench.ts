import { createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import { DOMParser } from '@xmldom/xmldom';
import { buildSamlResponse } from '../src/saml/build-response.ts';
import { createSigningCertificate } from '../src/saml/create-signing-certificate.ts';
import { signSamlResponse } from '../src/saml/sign-xml.ts';
import { parseStrictXml } from '../src/saml/xml/parse-strict-xml.ts';
import { authorizeSamlRole, validateSamlResponseForAws, type SandboxDirectory } from '../src/sandbox/saml/index.ts';
import { createSamlValidationOptions } from '../src/sandbox/saml/validation-options.ts';
import { measure, report } from './measure.ts';

const ACCOUNT = '111111111111';
const PROVIDER = `arn:aws:iam::${ACCOUNT}:saml-provider/rolegate`;
const ISSUER = 'http://127.0.0.1:8080/saml/bench';

/**
 * The sandbox's AssumeRoleWithSAML validation (every check of SPEC §3: safe parse,
 * signature against the provider's certificate, XSW-proof read, issuer, audience,
 * recipient, times, attributes, trust policy, duration), in-process on one core,
 * against the raw RSA-2048 verify rate measured in the same run.
 */
export async function benchAssumeRoleWithSaml(): Promise<void> {
  const now = new Date();
  const cert = await createSigningCertificate({ commonName: 'bench', now });
  const privateKey = createPrivateKey(cert.privateKeyPem);
  const roles = Array.from({ length: 10 }, (_, i) => `arn:aws:iam::${ACCOUNT}:role/role-${i},${PROVIDER}`);
  const xml = signSamlResponse(
    buildSamlResponse({
      issuer: ISSUER,
      destination: 'https://signin.aws.amazon.com/saml',
      audience: 'urn:amazon:webservices',
      nameId: { value: 'bench@example.com', format: 'persistent' },
      sessionIndex: '_s',
      authnInstant: now,
      now,
      attributes: [
        { name: 'https://aws.amazon.com/SAML/Attributes/Role', values: roles },
        { name: 'https://aws.amazon.com/SAML/Attributes/RoleSessionName', values: ['bench@example.com'] },
        { name: 'https://aws.amazon.com/SAML/Attributes/SessionDuration', values: ['3600'] },
      ],
    }),
    { privateKey, certificatePem: cert.certificatePem },
    { scope: 'assertion', algorithm: 'rsa-sha256' },
  );
  const assertion = Buffer.from(xml, 'utf8').toString('base64');
  const trustPolicyJson = JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRoleWithSAML', Principal: { Federated: PROVIDER }, Condition: { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } } }],
  });
  const directory: SandboxDirectory = {
    getSamlProvider: (arn) => (arn === PROVIDER ? { arn, entityId: ISSUER, signingCertificatesPem: [cert.certificatePem] } : undefined),
    getRole: (arn) => (arn.startsWith(`arn:aws:iam::${ACCOUNT}:role/`) ? { arn, roleName: arn.split('/').pop()!, accountId: ACCOUNT, trustPolicyJson, maxSessionDuration: 43200 } : undefined),
    getAccountAlias: () => 'bench',
  };
  const options = createSamlValidationOptions({ now });
  const roleArn = roles[3]!.split(',')[0]!;
  const assume = () => {
    const validated = validateSamlResponseForAws(assertion, directory, options);
    return authorizeSamlRole(validated, { roleArn, principalArn: PROVIDER, purpose: 'sts' }, directory, options);
  };
  // Fail loudly rather than time an error path.
  if (assume().roleArn !== roleArn) throw new Error('bench setup: validation did not accept the assertion');

  if (process.env.BENCH_PROFILE_ONLY) {
    for (let i = 0; i < 300; i++) assume();
    return;
  }
  const publicKey = createPublicKey(cert.certificatePem);
  const data = Buffer.alloc(1024, 7);
  const signature = sign('sha256', data, privateKey);
  const rawVerify = await measure(() => verify('sha256', data, publicKey, signature));
  const validation = await measure(assume);
  // The parse is done twice per validation (received document, then the signed bytes); this is
  // what it cost with the parser rolegate used before its own (docs/architecture.md).
  const strictParse = await measure(() => parseStrictXml(xml));
  const xmldomParse = await measure(() => new DOMParser({ locator: false }).parseFromString(xml, 'text/xml'));
  const reference = { name: 'raw RSA-2048 verify', opsPerSecond: rawVerify };
  const strictReference = { name: 'strict parse', opsPerSecond: strictParse };
  process.stdout.write(`\nSandbox AssumeRoleWithSAML validation (one core, 10 roles, ${assertion.length} base64 characters)\n`);
  report([
    { name: 'raw RSA-2048 verify (reference)', opsPerSecond: rawVerify },
    { name: 'validateSamlResponseForAws + authorizeSamlRole', opsPerSecond: validation, reference },
    { name: `strict parse of the ${xml.length}-character response`, opsPerSecond: strictParse, reference },
    { name: '@xmldom/xmldom parse of the same response', opsPerSecond: xmldomParse, reference: strictReference },
  ]);
  process.stdout.write(`target ≥ 1,000 validations/s: ${validation >= 1000 ? 'met' : 'NOT met'}\n`);
}
