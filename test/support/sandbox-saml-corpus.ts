import assert from 'node:assert/strict';
import { DOMParser } from '@xmldom/xmldom';
import { SignedXml } from 'xml-crypto';
import { buildTestResponse, AWS_ATTR, type TestResponseInput } from './build-test-response.ts';
import { createTestCertificate, type TestSigningKey } from './create-test-certificate.ts';
import { signTestResponse, type TestSignOptions } from './sign-test-response.ts';
import * as wrap from '../fixtures/saml-attacks/signature-wrapping.ts';
import {
  authorizeSamlRole,
  createSamlValidationOptions,
  SandboxSamlError,
  validateSamlResponseForAws,
  type SandboxDirectory,
  type SandboxRole,
  type SandboxSamlProvider,
  type ValidatedAwsSamlResponse,
} from '../../src/sandbox/saml/index.ts';

/**
 * The sandbox's SAML attack corpus and its world: two accounts, their SAML providers (the
 * other account trusts the attacker's key), roles with trust policies, and a base response
 * granting several roles. The same corpus runs in-process (test/sandbox-saml-attacks.test.ts)
 * and over the wire through the AWS SDK and the console (test/sandbox-saml-attacks-wire.test.ts).
 */
export const NOW = new Date('2025-01-15T12:00:00Z');
export const ACCOUNT = '111122223333';
export const OTHER_ACCOUNT = '444455556666';
export const ISSUER = 'https://idp.example.test/saml';
export const PROVIDER = `arn:aws:iam::${ACCOUNT}:saml-provider/rolegate`;
export const OTHER_PROVIDER = `arn:aws:iam::${OTHER_ACCOUNT}:saml-provider/rolegate`;
export const MISSING_PROVIDER = `arn:aws:iam::${OTHER_ACCOUNT}:saml-provider/missing`;
export const role = (name: string, account = ACCOUNT) => `arn:aws:iam::${account}:role/${name}`;
export const SIGN_IN = 'https://signin.aws.amazon.com/saml';

export function trustPolicy(provider: string, actions: string[], aud = SIGN_IN): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Sid: 'SamlFederation', Effect: 'Allow', Action: actions, Principal: { Federated: provider }, Condition: { StringEquals: { 'SAML:aud': aud } } }],
  });
}

export const ALL_ACTIONS = ['sts:AssumeRoleWithSAML', 'sts:TagSession', 'sts:SetSourceIdentity'];
export const ROLES: SandboxRole[] = [
  { arn: role('Admin'), roleName: 'Admin', accountId: ACCOUNT, maxSessionDuration: 3600, trustPolicyJson: trustPolicy(PROVIDER, ALL_ACTIONS) },
  { arn: role('ReadOnly'), roleName: 'ReadOnly', accountId: ACCOUNT, maxSessionDuration: 43200, trustPolicyJson: trustPolicy(PROVIDER, ['sts:AssumeRoleWithSAML']) },
  { arn: role('Tagger'), roleName: 'Tagger', accountId: ACCOUNT, maxSessionDuration: 3600, trustPolicyJson: trustPolicy(PROVIDER, ['sts:AssumeRoleWithSAML', 'sts:TagSession']) },
  { arn: role('WrongAud'), roleName: 'WrongAud', accountId: ACCOUNT, maxSessionDuration: 3600, trustPolicyJson: trustPolicy(PROVIDER, ALL_ACTIONS, 'https://eu-west-1.signin.aws.amazon.com/saml') },
  { arn: role('Dev', OTHER_ACCOUNT), roleName: 'Dev', accountId: OTHER_ACCOUNT, maxSessionDuration: 3600, trustPolicyJson: trustPolicy(OTHER_PROVIDER, ALL_ACTIONS) },
  // IAM would refuse this trust policy (another account's provider); only in-process tests have it.
  { arn: role('Foreign', OTHER_ACCOUNT), roleName: 'Foreign', accountId: OTHER_ACCOUNT, maxSessionDuration: 3600, trustPolicyJson: trustPolicy(PROVIDER, ALL_ACTIONS) },
];

export const BASE_ATTRIBUTES = [
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

export function withAttributes(replace: Record<string, string[] | null>): TestResponseInput['attributes'] {
  const names = new Set(Object.keys(replace));
  const kept = BASE_ATTRIBUTES.filter((a) => !names.has(a.name));
  const added = Object.entries(replace).filter(([, v]) => v !== null).map(([name, values]) => ({ name, values: values as string[] }));
  return [...kept, ...added];
}

export const b64 = (xml: string) => Buffer.from(xml, 'utf8').toString('base64');

export const options = (overrides: Partial<Parameters<typeof createSamlValidationOptions>[0]> = {}) =>
  createSamlValidationOptions({ now: NOW, publicUrl: 'http://127.0.0.1:4566', ...overrides });

/** What AWS answers, and which of the sandbox's checks says so. */
export interface Refusal {
  code: string;
  check: string;
  message?: RegExp;
}

export const httpStatusOf = (code: string) => (code === 'AccessDenied' || code === 'IDPRejectedClaim' ? 403 : 400);

export function refusal(code: string, check: string, message?: RegExp) {
  return (error: unknown) => {
    assert.ok(error instanceof SandboxSamlError, `expected SandboxSamlError, got ${String(error)}`);
    assert.equal(error.code, code, `${error.check}: ${error.message}`);
    assert.equal(error.check, check, error.message);
    assert.equal(error.httpStatus, httpStatusOf(code));
    if (message) assert.match(error.message, message);
    return true;
  };
}

export interface AttackCase extends Refusal {
  name: string;
  xml: () => string;
  /** The fixture is a real attack: a naive verifier accepts it. */
  naive?: true;
}

export class SamlCorpus {
  readonly directory: SandboxDirectory;
  readonly providers: SandboxSamlProvider[];

  private constructor(
    readonly idp: TestSigningKey,
    readonly attacker: TestSigningKey,
  ) {
    this.providers = [
      { arn: PROVIDER, entityId: ISSUER, signingCertificatesPem: [idp.certificatePem] },
      // The other account trusts a different key: roles of that account must not verify.
      { arn: OTHER_PROVIDER, entityId: ISSUER, signingCertificatesPem: [attacker.certificatePem] },
    ];
    this.directory = {
      getSamlProvider: (arn) => this.providers.find((p) => p.arn === arn),
      getRole: (arn) => ROLES.find((r) => r.arn === arn),
      getAccountAlias: (id) => (id === ACCOUNT ? 'prod-main' : undefined),
    };
  }

  static async create(): Promise<SamlCorpus> {
    const [idp, attacker] = await Promise.all([createTestCertificate({ commonName: 'rolegate idp' }), createTestCertificate({ commonName: 'attacker' })]);
    return new SamlCorpus(idp, attacker);
  }

  unsigned(input: Partial<TestResponseInput> = {}): string {
    return buildTestResponse({ now: NOW, issuer: ISSUER, attributes: BASE_ATTRIBUTES, ...input });
  }

  signed(input: Partial<TestResponseInput> = {}, sign: Partial<TestSignOptions> = {}): string {
    return signTestResponse(this.unsigned(input), { key: this.idp, sign: 'assertion', ...sign });
  }

  /** What a verifier that trusts the first valid signature and then reads anywhere would say. */
  naivelyVerifies(xml: string): boolean {
    const doc = new DOMParser().parseFromString(xml, 'text/xml');
    const verifier = new SignedXml({ publicCert: this.idp.certificatePem });
    const signature = verifier.findSignatures(doc as unknown as Node)[0];
    if (!signature) return false;
    verifier.loadSignature(signature);
    return verifier.checkSignature(xml);
  }

  validate(xml: string, opts = options()): ValidatedAwsSamlResponse {
    return validateSamlResponseForAws(b64(xml), this.directory, opts);
  }

  assume(xml: string, roleArn = role('Admin'), extra: { durationSeconds?: number; principalArn?: string; purpose?: 'sts' | 'console'; opts?: ReturnType<typeof options> } = {}) {
    const opts = extra.opts ?? options();
    const validated = validateSamlResponseForAws(b64(xml), this.directory, opts);
    return authorizeSamlRole(
      validated,
      { roleArn, principalArn: extra.principalArn ?? PROVIDER, purpose: extra.purpose ?? 'sts', ...(extra.durationSeconds === undefined ? {} : { durationSeconds: extra.durationSeconds }) },
      this.directory,
      opts,
    );
  }
}

/**
 * Responses that must be refused whatever role is asked for (Admin with PROVIDER, the pair the
 * base response grants), each with the AWS code and the sandbox check. `corpus` is read only
 * when a case runs, so the list can be registered as tests before the keys exist.
 */
export function attackCases(corpus: () => SamlCorpus): AttackCase[] {
  const signed: SamlCorpus['signed'] = (input, sign) => corpus().signed(input, sign);
  const unsigned: SamlCorpus['unsigned'] = (input) => corpus().unsigned(input);
  const key = (which: 'idp' | 'attacker') => corpus()[which];
  return [
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
    { name: 'response.assertion-wrapped.original-appended.xsw5', xml: () => wrap.xsw5(signed()), code: 'InvalidIdentityToken', check: 'check-response-structure', message: /exactly one Assertion as a direct child, found 2/, naive: true },
    { name: 'response.assertion-wrapped.original-in-signature.xsw6', xml: () => wrap.xsw6(signed()), code: 'InvalidIdentityToken', check: 'check-response-structure', message: /2 Assertion elements \(another one at Response\/Assertion\/Signature\/Assertion\)/, naive: true },
    { name: 'response.assertion-wrapped.original-in-extensions.xsw7', xml: () => wrap.xsw7(signed()), code: 'InvalidIdentityToken', check: 'check-response-structure', message: /2 Assertion elements \(another one at Response\/Extensions\/Assertion\)/, naive: true },
    { name: 'response.assertion-wrapped.original-in-signature-object.xsw8', xml: () => wrap.xsw8(signed()), code: 'InvalidIdentityToken', check: 'check-response-structure', message: /2 Assertion elements \(another one at Response\/Assertion\/Signature\/Object\/Assertion\)/, naive: true },
    {
      name: 'response.assertion-signature-moved-to-response',
      xml: () => wrap.assertionSignatureMovedToResponse(signed()),
      code: 'InvalidIdentityToken', check: 'check-signature',
      message: /^Response Signature: Reference URI "#_assert0001" must point to the Response that contains the Signature \("#_resp0001"\)/,
    },
    {
      name: 'response.signed-by-untrusted-key',
      xml: () => signed({}, { key: key('attacker') }),
      code: 'InvalidIdentityToken', check: 'check-signature',
      message: /^Assertion is not signed by any certificate in the provider metadata \(1 certificate tried\) \(provider arn:aws:iam::111122223333:saml-provider\/rolegate\)$/,
    },
    {
      name: 'response.keyinfo-carries-attacker-certificate',
      xml: () => signed({}, { key: key('attacker'), keyInfo: true, sign: 'both' }),
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
      xml: () => signTestResponse(wrap.xsw3(unsigned()), { key: key('idp'), sign: 'response' }),
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
    {
      name: 'response.status-responder',
      xml: () => signed({ status: { code: 'urn:oasis:names:tc:SAML:2.0:status:Responder', secondCode: 'urn:oasis:names:tc:SAML:2.0:status:AuthnFailed', message: 'wrong password' } }),
      code: 'IDPRejectedClaim', check: 'check-status', message: /^The identity provider answered with status Responder\/AuthnFailed, not Success: "wrong password"$/,
    },
    {
      name: 'response.response-signed.status-requester',
      xml: () => signed({ status: { code: 'urn:oasis:names:tc:SAML:2.0:status:Requester' } }, { sign: 'response' }),
      code: 'IDPRejectedClaim', check: 'check-status', message: /status Requester, not Success$/,
    },
    { name: 'response.status-missing', xml: () => signed({ status: null }), code: 'InvalidIdentityToken', check: 'check-status', message: /no samlp:Status/ },
    { name: 'response.subject-confirmation-twice', xml: () => signed({ subjectConfirmations: 2 }), code: 'InvalidIdentityToken', check: 'check-subject-confirmation', message: /exactly one SubjectConfirmation, found 2/ },
    { name: 'response.subject-confirmation-none', xml: () => signed({ subjectConfirmations: 0 }), code: 'InvalidIdentityToken', check: 'check-subject-confirmation', message: /exactly one SubjectConfirmation, found 0/ },
    { name: 'response.confirmation-data-not-before', xml: () => signed({ confirmationData: { notBefore: new Date('2025-01-15T11:59:00Z') } }), code: 'InvalidIdentityToken', check: 'check-subject-confirmation', message: /must not have NotBefore/ },
    { name: 'response.confirmation-data-recipient-missing', xml: () => signed({ confirmationData: { omitRecipient: true } }), code: 'InvalidIdentityToken', check: 'check-subject-confirmation', message: /no Recipient/ },
    { name: 'response.confirmation-data-not-on-or-after-missing', xml: () => signed({ confirmationData: { omitNotOnOrAfter: true } }), code: 'InvalidIdentityToken', check: 'check-subject-confirmation', message: /no NotOnOrAfter/ },
    {
      name: 'response.second-audience-restriction-wrong',
      xml: () => signed({ audienceRestrictions: [['urn:amazon:webservices'], ['https://other.example/sp']] }),
      code: 'InvalidIdentityToken', check: 'check-audience', message: /^Audience "https:\/\/other.example\/sp" is not accepted/,
    },
    { name: 'response.principal-tags-51', xml: () => signed({ attributes: withAttributes(Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`${AWS_ATTR}PrincipalTag:k${i}`, ['v']]))) }), code: 'InvalidIdentityToken', check: 'check-principal-tags', message: /51 PrincipalTag attributes; at most 50/ },
    { name: 'response.principal-tag-key-129', xml: () => signed({ attributes: withAttributes({ [`${AWS_ATTR}PrincipalTag:${'k'.repeat(129)}`]: ['v'] }) }), code: 'InvalidIdentityToken', check: 'check-principal-tags', message: /key must be 1-128 characters/ },
    { name: 'response.principal-tag-value-257', xml: () => signed({ attributes: withAttributes({ [`${AWS_ATTR}PrincipalTag:Team`]: ['v'.repeat(257)] }) }), code: 'InvalidIdentityToken', check: 'check-principal-tags', message: /value must be at most 256 characters/ },
    { name: 'response.principal-tag-key-bad-character', xml: () => signed({ attributes: withAttributes({ [`${AWS_ATTR}PrincipalTag:a*b`]: ['v'] }) }), code: 'InvalidIdentityToken', check: 'check-principal-tags', message: /key may contain only/ },
    { name: 'response.transitive-tag-key-not-a-tag', xml: () => signed({ attributes: withAttributes({ [`${AWS_ATTR}TransitiveTagKeys`]: ['Team', 'Cost'] }) }), code: 'InvalidIdentityToken', check: 'check-principal-tags', message: /TransitiveTagKeys names "Cost"/ },
    { name: 'response.source-identity-65', xml: () => signed({ attributes: withAttributes({ [`${AWS_ATTR}SourceIdentity`]: ['s'.repeat(65)] }) }), code: 'InvalidIdentityToken', check: 'check-source-identity', message: /must be 2-64 characters/ },
    { name: 'response.source-identity-1', xml: () => signed({ attributes: withAttributes({ [`${AWS_ATTR}SourceIdentity`]: ['s'] }) }), code: 'InvalidIdentityToken', check: 'check-source-identity', message: /must be 2-64 characters/ },
  ];
}
