import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { AWS_ATTR } from './support/build-test-response.ts';
import {
  ACCOUNT,
  attackCases,
  b64,
  ISSUER,
  NOW,
  options,
  OTHER_ACCOUNT,
  OTHER_PROVIDER,
  PROVIDER,
  refusal,
  role,
  SamlCorpus,
  SIGN_IN,
  withAttributes,
} from './support/sandbox-saml-corpus.ts';
import { validateSamlResponseForAws } from '../src/sandbox/saml/index.ts';

let corpus: SamlCorpus;

before(async () => {
  corpus = await SamlCorpus.create();
});

const signed: SamlCorpus['signed'] = (input, sign) => corpus.signed(input, sign);
const validate = (xml: string, opts = options()) => corpus.validate(xml, opts);
const assume: SamlCorpus['assume'] = (xml, roleArn, extra) => corpus.assume(xml, roleArn, extra);

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

describe('sandbox SAML validation: the limits AWS allows are accepted', () => {
  const tags = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`${AWS_ATTR}PrincipalTag:k${i}`, ['v']]));

  test('50 principal tags, a 128-character key and a 256-character value', () => {
    assert.equal(Object.keys(validate(signed({ attributes: withAttributes(tags(49)) })).principalTags).length, 50);
    const long = validate(signed({ attributes: withAttributes({ [`${AWS_ATTR}PrincipalTag:${'k'.repeat(128)}`]: ['v'.repeat(256)] }) }));
    assert.equal(long.principalTags['k'.repeat(128)], 'v'.repeat(256));
  });

  test('a 64-character and a 2-character SourceIdentity', () => {
    for (const value of ['s'.repeat(64), 'ab']) {
      assert.equal(validate(signed({ attributes: withAttributes({ [`${AWS_ATTR}SourceIdentity`]: [value] }) })).sourceIdentity, value);
    }
  });

  test('a Response without Destination (it is optional when the binding does not require it)', () => {
    assert.equal(validate(signed({ destination: null })).assertionId, '_assert0001');
  });

  test('several AudienceRestrictions, each naming an AWS audience', () => {
    const restrictions = [['urn:amazon:webservices'], ['https://other.example/sp', SIGN_IN]];
    assert.deepEqual(validate(signed({ audienceRestrictions: restrictions })).audienceRestrictions, restrictions);
  });

  test('the clock skew allowance is the configured one, on both bounds', () => {
    const early = signed({ notBefore: new Date(NOW.getTime() + 200_000) });
    assert.equal(validate(early, options({ clockSkewSeconds: 300 })).assertionId, '_assert0001');
    assert.throws(() => validate(early, options({ clockSkewSeconds: 100 })), refusal('ExpiredTokenException', 'check-time-window', /not yet valid/));
    const late = signed({ notOnOrAfter: new Date(NOW.getTime() - 200_000), confirmationNotOnOrAfter: new Date(NOW.getTime() - 200_000) });
    assert.equal(validate(late, options({ clockSkewSeconds: 300 })).assertionId, '_assert0001');
    assert.throws(() => validate(late, options({ clockSkewSeconds: 100 })), refusal('ExpiredTokenException', 'check-time-window', /has expired/));
  });
});

describe('sandbox SAML validation: attack corpus', () => {
  for (const attack of attackCases(() => corpus)) {
    test(attack.name, () => {
      // The fixture is a real attack: a naive verifier accepts it.
      if (attack.naive) assert.equal(corpus.naivelyVerifies(attack.xml()), true, 'fixture must fool a naive verifier');
      assert.throws(() => validate(attack.xml()), refusal(attack.code, attack.check, attack.message));
    });
  }

  test('response.oversized (more than 100,000 base64 characters)', () => {
    const padding = Array.from({ length: 200 }, (_, i) => `${role(`Padding${i}`)},${PROVIDER}`);
    const xml = signed({ attributes: withAttributes({ [`${AWS_ATTR}Role`]: [...padding, `${role('Admin')},${PROVIDER}`] }) });
    const encoded = b64(xml) + 'A'.repeat(Math.max(0, 100_004 - b64(xml).length));
    assert.throws(() => validateSamlResponseForAws(encoded, corpus.directory, options()), refusal('ValidationError', 'check-size', /Member must have length less than or equal to 100000/));
  });

  test('response.not-base64', () => {
    assert.throws(() => validateSamlResponseForAws('<samlp:Response/>', corpus.directory, options()), refusal('InvalidIdentityToken', 'check-encoding'));
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

  test('role.pair-across-accounts (a role trusting another account\'s provider)', () => {
    const xml = signed({ attributes: withAttributes({ [`${AWS_ATTR}Role`]: [`${role('Foreign', OTHER_ACCOUNT)},${PROVIDER}`] }) });
    assert.deepEqual(validate(xml).roles.map((r) => r.roleArn), [role('Foreign', OTHER_ACCOUNT)], 'the signature verifies with the provider named');
    assert.throws(() => assume(xml, role('Foreign', OTHER_ACCOUNT)), refusal('AccessDenied', 'check-role-account', /role arn:aws:iam::444455556666:role\/Foreign is in account 444455556666, but SAML provider arn:aws:iam::111122223333:saml-provider\/rolegate is in account 111122223333/));
    assert.throws(() => assume(xml, role('Foreign', OTHER_ACCOUNT), { purpose: 'console' }), refusal('AccessDenied', 'check-role-account'));
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
