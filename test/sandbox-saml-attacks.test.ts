import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { DOMParser } from '@xmldom/xmldom';
import { SignedXml } from 'xml-crypto';
import { buildTestResponse, AWS_ATTR, type TestResponseInput } from './support/build-test-response.ts';
import { createTestCertificate, type TestSigningKey } from './support/create-test-certificate.ts';
import { signTestResponse, type TestSignOptions } from './support/sign-test-response.ts';
import * as wrap from './fixtures/saml-attacks/signature-wrapping.ts';
import {
  authorizeSamlRole,
  createSamlValidationOptions,
  SandboxSamlError,
  validateSamlResponseForAws,
  type SandboxDirectory,
  type SandboxRole,
  type SandboxSamlProvider,
  type ValidatedAwsSamlResponse,
} from '../src/sandbox/saml/index.ts';

const NOW = new Date('2025-01-15T12:00:00Z');
const ACCOUNT = '111122223333';
const OTHER_ACCOUNT = '444455556666';
const ISSUER = 'https://idp.example.test/saml';
const PROVIDER = `arn:aws:iam::${ACCOUNT}:saml-provider/rolegate`;
const OTHER_PROVIDER = `arn:aws:iam::${OTHER_ACCOUNT}:saml-provider/rolegate`;
const MISSING_PROVIDER = `arn:aws:iam::${OTHER_ACCOUNT}:saml-provider/missing`;
const role = (name: string, account = ACCOUNT) => `arn:aws:iam::${account}:role/${name}`;
const SIGN_IN = 'https://signin.aws.amazon.com/saml';

function trustPolicy(provider: string, actions: string[], aud = SIGN_IN): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Sid: 'SamlFederation', Effect: 'Allow', Action: actions, Principal: { Federated: provider }, Condition: { StringEquals: { 'SAML:aud': aud } } }],
  });
}

const ALL_ACTIONS = ['sts:AssumeRoleWithSAML', 'sts:TagSession', 'sts:SetSourceIdentity'];
const ROLES: SandboxRole[] = [
  { arn: role('Admin'), roleName: 'Admin', accountId: ACCOUNT, maxSessionDuration: 3600, trustPolicyJson: trustPolicy(PROVIDER, ALL_ACTIONS) },
  { arn: role('ReadOnly'), roleName: 'ReadOnly', accountId: ACCOUNT, maxSessionDuration: 43200, trustPolicyJson: trustPolicy(PROVIDER, ['sts:AssumeRoleWithSAML']) },
  { arn: role('Tagger'), roleName: 'Tagger', accountId: ACCOUNT, maxSessionDuration: 3600, trustPolicyJson: trustPolicy(PROVIDER, ['sts:AssumeRoleWithSAML', 'sts:TagSession']) },
  { arn: role('WrongAud'), roleName: 'WrongAud', accountId: ACCOUNT, maxSessionDuration: 3600, trustPolicyJson: trustPolicy(PROVIDER, ALL_ACTIONS, 'https://eu-west-1.signin.aws.amazon.com/saml') },
  { arn: role('Dev', OTHER_ACCOUNT), roleName: 'Dev', accountId: OTHER_ACCOUNT, maxSessionDuration: 3600, trustPolicyJson: trustPolicy(OTHER_PROVIDER, ALL_ACTIONS) },
];

let idp: TestSigningKey;
let attacker: TestSigningKey;
let directory: SandboxDirectory;

before(async () => {
  [idp, attacker] = await Promise.all([createTestCertificate({ commonName: 'rolegate idp' }), createTestCertificate({ commonName: 'attacker' })]);
  const providers: SandboxSamlProvider[] = [
    { arn: PROVIDER, entityId: ISSUER, signingCertificatesPem: [idp.certificatePem] },
    // The other account trusts a different key: roles of that account must not verify.
    { arn: OTHER_PROVIDER, entityId: ISSUER, signingCertificatesPem: [attacker.certificatePem] },
  ];
  directory = {
    getSamlProvider: (arn) => providers.find((p) => p.arn === arn),
    getRole: (arn) => ROLES.find((r) => r.arn === arn),
    getAccountAlias: (id) => (id === ACCOUNT ? 'prod-main' : undefined),
  };
});

const options = (overrides: Partial<Parameters<typeof createSamlValidationOptions>[0]> = {}) =>
  createSamlValidationOptions({ now: NOW, publicUrl: 'http://127.0.0.1:4566', ...overrides });

const BASE_ATTRIBUTES = [
  {
    name: `${AWS_ATTR}Role`,
    values: [
      `${role('Admin')},${PROVIDER}`,
      `${PROVIDER},${role('ReadOnly')}`, // AWS accepts either order
      `${role('Tagger')},${PROVIDER}`,
      `${role('WrongAud')},${PROVIDER}`,
    ],
  },
  { name: `${AWS_ATTR}RoleSessionName`, values: ['alice@example.test'] },
  { name: `${AWS_ATTR}SessionDuration`, values: ['7200'] },
  { name: `${AWS_ATTR}PrincipalTag:Team`, values: ['blue'] },
  { name: `${AWS_ATTR}TransitiveTagKeys`, values: ['Team'] },
  { name: `${AWS_ATTR}SourceIdentity`, values: ['alice'] },
];

function unsigned(input: Partial<TestResponseInput> = {}): string {
  return buildTestResponse({ now: NOW, issuer: ISSUER, attributes: BASE_ATTRIBUTES, ...input });
}

function signed(input: Partial<TestResponseInput> = {}, sign: Partial<TestSignOptions> = {}): string {
  return signTestResponse(unsigned(input), { key: idp, sign: 'assertion', ...sign });
}

/** What a verifier that trusts the first valid signature and then reads anywhere would say. */
function naivelyVerifies(xml: string): boolean {
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const verifier = new SignedXml({ publicCert: idp.certificatePem });
  const signature = verifier.findSignatures(doc as unknown as Node)[0];
  if (!signature) return false;
  verifier.loadSignature(signature);
  return verifier.checkSignature(xml);
}

const b64 = (xml: string) => Buffer.from(xml, 'utf8').toString('base64');

function withAttributes(replace: Record<string, string[] | null>): TestResponseInput['attributes'] {
  const names = new Set(Object.keys(replace));
  const kept = BASE_ATTRIBUTES.filter((a) => !names.has(a.name));
  const added = Object.entries(replace).filter(([, v]) => v !== null).map(([name, values]) => ({ name, values: values as string[] }));
  return [...kept, ...added];
}

function refusal(code: string, check: string, message?: RegExp) {
  return (error: unknown) => {
    assert.ok(error instanceof SandboxSamlError, `expected SandboxSamlError, got ${String(error)}`);
    assert.equal(error.code, code, `${error.check}: ${error.message}`);
    assert.equal(error.check, check, error.message);
    assert.equal(error.httpStatus, code === 'AccessDenied' || code === 'IDPRejectedClaim' ? 403 : 400);
    if (message) assert.match(error.message, message);
    return true;
  };
}

function validate(xml: string, opts = options()): ValidatedAwsSamlResponse {
  return validateSamlResponseForAws(b64(xml), directory, opts);
}

function assume(xml: string, roleArn = role('Admin'), extra: { durationSeconds?: number; principalArn?: string; purpose?: 'sts' | 'console' } = {}) {
  const opts = options();
  const validated = validateSamlResponseForAws(b64(xml), directory, opts);
  return authorizeSamlRole(
    validated,
    { roleArn, principalArn: extra.principalArn ?? PROVIDER, purpose: extra.purpose ?? 'sts', ...(extra.durationSeconds === undefined ? {} : { durationSeconds: extra.durationSeconds }) },
    directory,
    opts,
  );
}

describe('sandbox SAML validation: the valid response', () => {
  test('extracts every value from the verified assertion', () => {
    const validated = validate(signed());
    assert.equal(validated.issuer, ISSUER);
    assert.equal(validated.nameId, 'alice@example.test');
    assert.equal(validated.nameIdFormat, 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent');
    assert.equal(validated.recipient, SIGN_IN);
    assert.equal(validated.audience, SIGN_IN);
    assert.deepEqual(validated.audienceRestrictions, [['urn:amazon:webservices']]);
    assert.deepEqual(validated.roles, [
      { roleArn: role('Admin'), principalArn: PROVIDER, accountId: ACCOUNT, roleName: 'Admin' },
      { roleArn: role('ReadOnly'), principalArn: PROVIDER, accountId: ACCOUNT, roleName: 'ReadOnly' },
      { roleArn: role('Tagger'), principalArn: PROVIDER, accountId: ACCOUNT, roleName: 'Tagger' },
      { roleArn: role('WrongAud'), principalArn: PROVIDER, accountId: ACCOUNT, roleName: 'WrongAud' },
    ]);
    assert.deepEqual(validated.rejectedRoles, []);
    assert.equal(validated.roleSessionName, 'alice@example.test');
    assert.equal(validated.sessionDuration, 7200);
    assert.deepEqual(validated.sessionNotOnOrAfter, new Date('2025-01-15T20:00:00Z'));
    assert.deepEqual(validated.principalTags, { Team: 'blue' });
    assert.deepEqual(validated.transitiveTagKeys, ['Team']);
    assert.equal(validated.sourceIdentity, 'alice');
    assert.deepEqual(validated.notOnOrAfter, new Date('2025-01-15T12:05:00Z'));
    assert.equal(validated.assertionId, '_assert0001');
    assert.equal(validated.signatureAlgorithm, 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256');
    assert.equal(validated.assertionSigned, true);
    assert.equal(validated.responseSigned, false);
  });

  test('authorizes a role for STS with the session AWS would issue', () => {
    const session = assume(signed(), role('Admin'), { durationSeconds: 1800 });
    const qualifier = createHash('sha1').update(`${ISSUER}${ACCOUNT}/rolegate`).digest('base64');
    assert.deepEqual(session, {
      roleArn: role('Admin'),
      principalArn: PROVIDER,
      accountId: ACCOUNT,
      accountAlias: 'prod-main',
      roleName: 'Admin',
      roleSessionName: 'alice@example.test',
      assumedRoleArn: `arn:aws:sts::${ACCOUNT}:assumed-role/Admin/alice@example.test`,
      expiration: new Date('2025-01-15T12:30:00Z'),
      subject: 'alice@example.test',
      subjectType: 'persistent',
      issuer: ISSUER,
      audience: SIGN_IN,
      nameQualifier: qualifier,
      principalTags: { Team: 'blue' },
      transitiveTagKeys: ['Team'],
      sourceIdentity: 'alice',
      trustStatement: 'SamlFederation',
    });
  });

  test('session length: STS defaults to 3600 and SessionDuration only shortens; console uses SessionDuration; SessionNotOnOrAfter caps both', () => {
    assert.deepEqual(assume(signed()).expiration, new Date('2025-01-15T13:00:00Z'));
    const short = signed({ attributes: withAttributes({ [`${AWS_ATTR}SessionDuration`]: ['900'] }) });
    assert.deepEqual(assume(short, role('Admin'), { durationSeconds: 3600 }).expiration, new Date('2025-01-15T12:15:00Z'));
    assert.deepEqual(assume(signed(), role('Admin'), { purpose: 'console' }).expiration, new Date('2025-01-15T14:00:00Z'));
    const capped = signed({ sessionNotOnOrAfter: new Date('2025-01-15T12:10:00Z') });
    assert.deepEqual(assume(capped, role('Admin'), { purpose: 'console' }).expiration, new Date('2025-01-15T12:10:00Z'));
  });

  test('a replay inside the validity window is accepted (SPEC §3), for several roles', () => {
    const xml = signed();
    assert.equal(assume(xml, role('Admin')).roleName, 'Admin');
    assert.equal(assume(xml, role('Admin')).roleName, 'Admin');
  });

  test('Response-only and doubly signed responses are accepted, as are regional and sandbox recipients', () => {
    assert.equal(validate(signed({}, { sign: 'response' })).responseSigned, true);
    assert.equal(validate(signed({}, { sign: 'both' })).assertionSigned, true);
    assert.equal(validate(signed({ recipient: 'https://eu-west-1.signin.aws.amazon.com/saml' })).recipient, 'https://eu-west-1.signin.aws.amazon.com/saml');
    assert.equal(validate(signed({ recipient: 'http://127.0.0.1:4566/saml' })).recipient, 'http://127.0.0.1:4566/saml');
  });

  test('SHA-1 is accepted when the sandbox allows it', () => {
    assert.equal(validate(signed({}, { algorithm: 'sha1' }), options({ allowSha1: true })).signatureAlgorithm, 'http://www.w3.org/2000/09/xmldsig#rsa-sha1');
  });
});

describe('sandbox SAML validation: attack corpus', () => {
  const cases: Array<{ name: string; xml: () => string; code: string; check: string; message?: RegExp; naive?: true }> = [
    {
      name: 'response.attribute-value-tampered',
      xml: () => signed().replace('alice@example.test</saml:AttributeValue>', 'root@example.test</saml:AttributeValue>'),
      code: 'InvalidIdentityToken', check: 'check-signature',
      message: /^Signature digest of the Assertion does not match: the signed content was modified/,
    },
    {
      name: 'response.role-added-after-signing',
      xml: () => signed().replace(`<saml:AttributeValue xsi:type="xs:string">${role('Admin')},${PROVIDER}</saml:AttributeValue>`,
        `<saml:AttributeValue xsi:type="xs:string">${role('Admin')},${PROVIDER}</saml:AttributeValue><saml:AttributeValue xsi:type="xs:string">${role('Dev', OTHER_ACCOUNT)},${PROVIDER}</saml:AttributeValue>`),
      code: 'InvalidIdentityToken', check: 'check-signature', message: /digest of the Assertion does not match/,
    },
    { name: 'response.response-signed.wrapped-in-signature-object.xsw1', xml: () => wrap.xsw1(signed({}, { sign: 'response' })), code: 'InvalidIdentityToken', check: 'check-response-structure', message: /more than one element with ID "_assert0001"/, naive: true },
    { name: 'response.response-signed.original-detached.xsw2', xml: () => wrap.xsw2(signed({}, { sign: 'response' })), code: 'InvalidIdentityToken', check: 'check-response-structure', message: /more than one element with ID "_assert0001"/, naive: true },
    { name: 'response.assertion-wrapped.forged-first.xsw3', xml: () => wrap.xsw3(signed()), code: 'InvalidIdentityToken', check: 'check-response-structure', message: /exactly one Assertion as a direct child, found 2/, naive: true },
    { name: 'response.assertion-wrapped.original-inside-forged.xsw4', xml: () => wrap.xsw4(signed()), code: 'InvalidIdentityToken', check: 'check-response-structure', message: /2 Assertion elements \(another one at Response\/Assertion\/Assertion\)/, naive: true },
    { name: 'response.assertion-wrapped.original-appended.xsw5', xml: () => wrap.xsw5(signed()), code: 'InvalidIdentityToken', check: 'check-response-structure', message: /more than one element with ID "_assert0001"/ },
    { name: 'response.assertion-wrapped.original-in-signature.xsw6', xml: () => wrap.xsw6(signed()), code: 'InvalidIdentityToken', check: 'check-response-structure', message: /more than one element with ID "_assert0001"/ },
    { name: 'response.assertion-wrapped.original-in-extensions.xsw7', xml: () => wrap.xsw7(signed()), code: 'InvalidIdentityToken', check: 'check-response-structure', message: /2 Assertion elements \(another one at Response\/Extensions\/Assertion\)/, naive: true },
    { name: 'response.assertion-wrapped.original-in-signature-object.xsw8', xml: () => wrap.xsw8(signed()), code: 'InvalidIdentityToken', check: 'check-response-structure', message: /more than one element with ID "_assert0001"/ },
    {
      name: 'response.assertion-signature-moved-to-response',
      xml: () => wrap.assertionSignatureMovedToResponse(signed()),
      code: 'InvalidIdentityToken', check: 'check-signature',
      message: /^Response Signature: Reference URI "#_assert0001" must point to the Response that contains the Signature \("#_resp0001"\)/,
    },
    {
      name: 'response.signed-by-untrusted-key',
      xml: () => signed({}, { key: attacker }),
      code: 'InvalidIdentityToken', check: 'check-signature',
      message: /^Assertion is not signed by any certificate in the provider metadata \(1 certificate tried\) \(provider arn:aws:iam::111122223333:saml-provider\/rolegate\)$/,
    },
    {
      name: 'response.keyinfo-carries-attacker-certificate',
      xml: () => signed({}, { key: attacker, keyInfo: true, sign: 'both' }),
      code: 'InvalidIdentityToken', check: 'check-signature', message: /^Response is not signed by any certificate in the provider metadata/,
    },
    { name: 'response.unsigned', xml: () => unsigned(), code: 'InvalidIdentityToken', check: 'check-signature', message: /^Neither the Response nor the Assertion is signed$/ },
    {
      name: 'response.sha1-not-allowed',
      xml: () => signed({}, { algorithm: 'sha1' }),
      code: 'InvalidIdentityToken', check: 'check-signature', message: /signature algorithm "http:\/\/www.w3.org\/2000\/09\/xmldsig#rsa-sha1" is not accepted/,
    },
    {
      name: 'response.doctype-entity',
      xml: () => signed().replace('<samlp:Response', '<!DOCTYPE r [<!ENTITY x "y">]><samlp:Response'),
      code: 'InvalidIdentityToken', check: 'check-xml', message: /DTD or entity declaration/,
    },
    {
      name: 'response.two-assertions',
      xml: () => signTestResponse(wrap.xsw3(unsigned()), { key: idp, sign: 'response' }),
      code: 'InvalidIdentityToken', check: 'check-response-structure', message: /exactly one Assertion as a direct child, found 2/,
    },
    {
      name: 'response.expired',
      xml: () => signed({ notOnOrAfter: new Date('2025-01-15T11:00:00Z'), confirmationNotOnOrAfter: new Date('2025-01-15T11:00:00Z') }),
      code: 'ExpiredTokenException', check: 'check-time-window', message: /has expired: SubjectConfirmationData NotOnOrAfter 2025-01-15T11:00:00Z is not after now/,
    },
    {
      name: 'response.not-yet-valid',
      xml: () => signed({ notBefore: new Date('2025-01-15T13:00:00Z') }),
      code: 'ExpiredTokenException', check: 'check-time-window', message: /not yet valid: Conditions NotBefore 2025-01-15T13:00:00Z/,
    },
    {
      name: 'response.session-not-on-or-after-past',
      xml: () => signed({ sessionNotOnOrAfter: new Date('2025-01-15T11:59:00Z') }),
      code: 'ExpiredTokenException', check: 'check-time-window',
    },
    {
      name: 'response.audience-wrong',
      xml: () => signed({ audiences: ['urn:amazon:webservices:x'] }),
      code: 'InvalidIdentityToken', check: 'check-audience',
      message: /^Audience "urn:amazon:webservices:x" is not accepted: expected "urn:amazon:webservices" or "https:\/\/signin.aws.amazon.com\/saml"$/,
    },
    {
      name: 'response.audience-with-instance-suffix',
      xml: () => signed({ audiences: ['urn:amazon:webservices#2'] }),
      code: 'InvalidIdentityToken', check: 'check-audience',
    },
    {
      name: 'response.recipient-wrong',
      xml: () => signed({ recipient: 'https://evil.example/saml' }),
      code: 'InvalidIdentityToken', check: 'check-recipient', message: /^Recipient "https:\/\/evil.example\/saml" is not a sign-in endpoint/,
    },
    {
      name: 'response.recipient-look-alike-region',
      xml: () => signed({ recipient: 'https://evil.com/x.signin.aws.amazon.com/saml' }),
      code: 'InvalidIdentityToken', check: 'check-recipient',
    },
    { name: 'response.issuer-not-provider-entity-id', xml: () => signed({ issuer: 'https://evil.example/idp' }), code: 'InvalidIdentityToken', check: 'check-issuer', message: /^Issuer "https:\/\/evil.example\/idp" does not match the entityID/ },
    { name: 'response.subject-missing', xml: () => signed({ nameId: null }), code: 'AccessDenied', check: 'check-subject', message: /no Subject/ },
    { name: 'response.name-id-missing', xml: () => signed({ omitNameId: true }), code: 'AccessDenied', check: 'check-subject', message: /no NameID/ },
    { name: 'response.name-id-format-unsupported', xml: () => signed({ nameIdFormat: 'urn:oasis:names:tc:SAML:2.0:nameid-format:kerberos' }), code: 'InvalidIdentityToken', check: 'check-name-id-format' },
    { name: 'response.subject-confirmation-not-bearer', xml: () => signed({ subjectConfirmationMethod: 'urn:oasis:names:tc:SAML:2.0:cm:holder-of-key' }), code: 'InvalidIdentityToken', check: 'check-subject-confirmation' },
    { name: 'response.role-session-name-missing', xml: () => signed({ attributes: withAttributes({ [`${AWS_ATTR}RoleSessionName`]: null }) }), code: 'InvalidIdentityToken', check: 'check-role-session-name', message: /^RoleSessionName is required in AuthnResponse/ },
    { name: 'response.role-session-name-invalid', xml: () => signed({ attributes: withAttributes({ [`${AWS_ATTR}RoleSessionName`]: ['alice smith'] }) }), code: 'InvalidIdentityToken', check: 'check-role-session-name', message: /"alice smith" is not valid/ },
    { name: 'response.role-session-name-two-values', xml: () => signed({ attributes: withAttributes({ [`${AWS_ATTR}RoleSessionName`]: ['alice', 'bob'] }) }), code: 'InvalidIdentityToken', check: 'check-role-session-name', message: /exactly one value, found 2/ },
    { name: 'response.session-duration-out-of-range', xml: () => signed({ attributes: withAttributes({ [`${AWS_ATTR}SessionDuration`]: ['43201'] }) }), code: 'InvalidIdentityToken', check: 'check-session-duration' },
    { name: 'response.role-value-not-a-pair', xml: () => signed({ attributes: withAttributes({ [`${AWS_ATTR}Role`]: [`${role('Admin')},${PROVIDER}`, role('ReadOnly')] }) }), code: 'InvalidIdentityToken', check: 'check-role-attribute' },
    { name: 'response.principal-tag-two-values', xml: () => signed({ attributes: withAttributes({ [`${AWS_ATTR}PrincipalTag:Team`]: ['a', 'b'] }) }), code: 'InvalidIdentityToken', check: 'check-principal-tags' },
    { name: 'response.principal-tag-keys-differ-only-in-case', xml: () => signed({ attributes: withAttributes({ [`${AWS_ATTR}PrincipalTag:team`]: ['a'] }) }), code: 'InvalidIdentityToken', check: 'check-principal-tags', message: /case-insensitive/ },
    { name: 'response.source-identity-aws-prefix', xml: () => signed({ attributes: withAttributes({ [`${AWS_ATTR}SourceIdentity`]: ['aws:root'] }) }), code: 'InvalidIdentityToken', check: 'check-source-identity' },
    { name: 'response.provider-does-not-exist', xml: () => signed({ attributes: withAttributes({ [`${AWS_ATTR}Role`]: [`${role('Dev', OTHER_ACCOUNT)},${MISSING_PROVIDER}`] }) }), code: 'InvalidIdentityToken', check: 'check-provider' },
  ];

  for (const attack of cases) {
    test(attack.name, () => {
      // The fixture is a real attack: a naive verifier accepts it.
      if (attack.naive) assert.equal(naivelyVerifies(attack.xml()), true, 'fixture must fool a naive verifier');
      assert.throws(() => validate(attack.xml()), refusal(attack.code, attack.check, attack.message));
    });
  }

  test('response.oversized (more than 100,000 base64 characters)', () => {
    const padding = Array.from({ length: 200 }, (_, i) => `${role(`Padding${i}`)},${PROVIDER}`);
    const xml = signed({ attributes: withAttributes({ [`${AWS_ATTR}Role`]: [...padding, `${role('Admin')},${PROVIDER}`] }) });
    const encoded = b64(xml) + 'A'.repeat(Math.max(0, 100_004 - b64(xml).length));
    assert.throws(() => validateSamlResponseForAws(encoded, directory, options()), refusal('ValidationError', 'check-size', /Member must have length less than or equal to 100000/));
  });

  test('response.not-base64', () => {
    assert.throws(() => validateSamlResponseForAws('<samlp:Response/>', directory, options()), refusal('InvalidIdentityToken', 'check-encoding'));
  });

  test('response.name-id-comment-injection does not truncate the NameID', () => {
    const xml = signed({ nameId: 'user@evil.com.good.com', nameIdFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress' });
    const injected = xml.replace('user@evil.com.good.com', 'user@evil.com<!---->.good.com');
    assert.notEqual(injected, xml);
    const validated = validate(injected);
    assert.equal(validated.nameId, 'user@evil.com.good.com');
    assert.equal(assume(injected).subject, 'user@evil.com.good.com');
  });

  test('role.not-in-role-attribute (other account)', () => {
    assert.throws(() => assume(signed(), role('Dev', OTHER_ACCOUNT), { principalArn: OTHER_PROVIDER }), refusal('AccessDenied', 'check-role-attribute', /is not in the SAML response's Role attribute/));
  });

  test('role.pair-with-mismatched-provider', () => {
    assert.throws(() => assume(signed(), role('Admin'), { principalArn: OTHER_PROVIDER }), refusal('AccessDenied', 'check-role-attribute'));
  });

  test('role.from-provider-with-other-certificate is dropped and refused', () => {
    const xml = signed({ attributes: withAttributes({ [`${AWS_ATTR}Role`]: [`${role('Admin')},${PROVIDER}`, `${role('Dev', OTHER_ACCOUNT)},${OTHER_PROVIDER}`] }) });
    const validated = validate(xml);
    assert.deepEqual(validated.roles.map((r) => r.roleArn), [role('Admin')]);
    assert.equal(validated.rejectedRoles.length, 1);
    assert.equal(validated.rejectedRoles[0]?.check, 'check-signature');
    assert.throws(() => assume(xml, role('Dev', OTHER_ACCOUNT), { principalArn: OTHER_PROVIDER }), refusal('InvalidIdentityToken', 'check-signature', /not signed by any certificate/));
  });

  test('role.duration-above-role-max', () => {
    assert.throws(() => assume(signed(), role('Admin'), { durationSeconds: 7200 }), refusal('ValidationError', 'check-duration-seconds', /^The requested DurationSeconds exceeds the MaxSessionDuration set for this role\./));
  });

  test('role.duration-below-minimum', () => {
    assert.throws(() => assume(signed(), role('Admin'), { durationSeconds: 899 }), refusal('ValidationError', 'check-duration-seconds', /greater than or equal to 900/));
  });

  test('role.trust-policy-wrong-saml-aud', () => {
    assert.throws(() => assume(signed(), role('WrongAud')), refusal('AccessDenied', 'check-trust-policy', /Not authorized to perform sts:AssumeRoleWithSAML: no statement .* SAML:aud="https:\/\/signin.aws.amazon.com\/saml"/));
  });

  test('role.tags-without-sts-tag-session', () => {
    assert.throws(() => assume(signed(), role('ReadOnly')), refusal('AccessDenied', 'check-tag-session', /sts:TagSession/));
  });

  test('role.source-identity-without-sts-set-source-identity', () => {
    assert.throws(() => assume(signed(), role('Tagger')), refusal('AccessDenied', 'check-set-source-identity', /sts:SetSourceIdentity/));
  });

  test('role.read-only works once tags and source identity are gone', () => {
    const xml = signed({ attributes: withAttributes({ [`${AWS_ATTR}PrincipalTag:Team`]: null, [`${AWS_ATTR}TransitiveTagKeys`]: null, [`${AWS_ATTR}SourceIdentity`]: null }) });
    assert.equal(assume(xml, role('ReadOnly'), { durationSeconds: 43200 }).roleName, 'ReadOnly');
  });
});
