import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { isRolegateError } from '../../errors/rolegate-error.ts';
import { evaluatePolicies } from './evaluate-policies.ts';
import { parsePolicyDocument } from './parse-policy-document.ts';
import { matchWildcard } from './match-wildcard.ts';

const PROVIDER = 'arn:aws:iam::123456789012:saml-provider/rolegate';
const TRUST = parsePolicyDocument(JSON.stringify({
  Version: '2012-10-17',
  Statement: [{
    Sid: 'SamlSignIn',
    Effect: 'Allow',
    Action: ['sts:AssumeRoleWithSAML', 'sts:TagSession'],
    Principal: { Federated: PROVIDER },
    Condition: { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } },
  }],
}), { kind: 'trust' });
const federated = { type: 'Federated' as const, id: PROVIDER };

describe('evaluatePolicies', () => {
  test('allows the standard SAML trust policy and names the statement', () => {
    assert.deepEqual(
      evaluatePolicies([TRUST], { action: 'sts:AssumeRoleWithSAML', principal: federated, context: { 'saml:AUD': 'https://signin.aws.amazon.com/saml' } }),
      { decision: 'allow', matchedStatement: 'SamlSignIn' },
    );
  });
  test('condition values are case-sensitive, action names are not', () => {
    assert.equal(evaluatePolicies([TRUST], { action: 'STS:assumerolewithsaml', principal: federated, context: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } }).decision, 'allow');
    assert.equal(evaluatePolicies([TRUST], { action: 'sts:AssumeRoleWithSAML', principal: federated, context: { 'SAML:aud': 'HTTPS://signin.aws.amazon.com/saml' } }).decision, 'implicit-deny');
  });
  test('missing condition key, other principal, other action: implicit deny', () => {
    assert.equal(evaluatePolicies([TRUST], { action: 'sts:AssumeRoleWithSAML', principal: federated, context: {} }).decision, 'implicit-deny');
    assert.equal(evaluatePolicies([TRUST], { action: 'sts:AssumeRoleWithSAML', principal: { type: 'Federated', id: `${PROVIDER}x` }, context: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } }).decision, 'implicit-deny');
    assert.equal(evaluatePolicies([TRUST], { action: 'sts:SetSourceIdentity', principal: federated, context: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } }).decision, 'implicit-deny');
  });
  test('explicit deny wins over allow', () => {
    const deny = parsePolicyDocument(JSON.stringify({ Statement: { Effect: 'Deny', Action: 'sts:*', Principal: '*', Condition: { StringLike: { 'SAML:sub': '*@evil.test' } } } }));
    const request = { action: 'sts:AssumeRoleWithSAML', principal: federated, context: { 'SAML:aud': 'https://signin.aws.amazon.com/saml', 'SAML:sub': 'bob@evil.test' } };
    assert.deepEqual(evaluatePolicies([TRUST, deny], request), { decision: 'explicit-deny', matchedStatement: 'Statement[0]' });
    assert.equal(evaluatePolicies([TRUST, deny], { ...request, context: { ...request.context, 'SAML:sub': 'bob@good.test' } }).decision, 'allow');
  });
  test('account principals match every principal of the account', () => {
    for (const id of ['123456789012', 'arn:aws:iam::123456789012:root']) {
      const policy = parsePolicyDocument(JSON.stringify({ Statement: { Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { AWS: [id] } } }));
      assert.equal(evaluatePolicies([policy], { action: 'sts:AssumeRole', principal: { type: 'AWS', id: 'arn:aws:iam::123456789012:user/alice' }, context: {} }).decision, 'allow');
      assert.equal(evaluatePolicies([policy], { action: 'sts:AssumeRole', principal: { type: 'AWS', id: 'arn:aws:iam::210987654321:user/alice' }, context: {} }).decision, 'implicit-deny');
    }
  });
  test('action wildcards and NotAction', () => {
    const policy = parsePolicyDocument(JSON.stringify({ Statement: [{ Effect: 'Allow', Action: 'iam:List*', Resource: '*' }, { Effect: 'Deny', NotAction: 'iam:*', Resource: '*' }] }));
    assert.equal(evaluatePolicies([policy], { action: 'iam:ListRoles', resource: 'arn:aws:iam::123456789012:role/x', context: {} }).decision, 'allow');
    assert.equal(evaluatePolicies([policy], { action: 'iam:GetRole', resource: 'arn:aws:iam::123456789012:role/x', context: {} }).decision, 'implicit-deny');
    assert.equal(evaluatePolicies([policy], { action: 'sts:GetCallerIdentity', resource: '*', context: {} }).decision, 'explicit-deny');
  });
  test('set operators', () => {
    const policy = parsePolicyDocument(JSON.stringify({ Statement: [{ Effect: 'Allow', Action: 'sts:TagSession', Principal: '*', Condition: { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['Team', 'Project'] }, 'ForAnyValue:StringLike': { 'aws:TagKeys': 'T*' } } }] }));
    const decide = (keys: string[]) => evaluatePolicies([policy], { action: 'sts:TagSession', principal: federated, context: { 'aws:TagKeys': keys } }).decision;
    assert.equal(decide(['Team']), 'allow');
    assert.equal(decide(['Team', 'Cost']), 'implicit-deny');
    assert.equal(decide(['Project']), 'implicit-deny');
  });
  test('unsupported operators fail closed both ways', () => {
    const allow = parsePolicyDocument(JSON.stringify({ Statement: { Effect: 'Allow', Action: '*', Principal: '*', Condition: { DateGreaterThan: { 'aws:CurrentTime': '2020-01-01T00:00:00Z' } } } }));
    const deny = parsePolicyDocument(JSON.stringify({ Statement: { Effect: 'Deny', Action: '*', Principal: '*', Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } } } }));
    const everything = parsePolicyDocument(JSON.stringify({ Statement: { Effect: 'Allow', Action: '*', Principal: '*' } }));
    assert.equal(evaluatePolicies([allow], { action: 'sts:AssumeRole', context: { 'aws:CurrentTime': '2025-01-01T00:00:00Z' } }).decision, 'implicit-deny');
    assert.equal(evaluatePolicies([everything, deny], { action: 'sts:AssumeRole', context: {} }).decision, 'explicit-deny');
  });
  test('Bool, Null and negated operators with absent keys', () => {
    const policy = parsePolicyDocument(JSON.stringify({ Statement: { Effect: 'Allow', Action: 'x:Y', Condition: { Bool: { 'aws:SecureTransport': true }, Null: { 'sts:SourceIdentity': 'true' }, StringNotEquals: { 'SAML:sub_type': 'transient' } } } }));
    assert.equal(evaluatePolicies([policy], { action: 'x:Y', context: { 'aws:SecureTransport': 'TRUE' } }).decision, 'allow');
    assert.equal(evaluatePolicies([policy], { action: 'x:Y', context: { 'aws:SecureTransport': 'true', 'sts:SourceIdentity': 'a' } }).decision, 'implicit-deny');
    assert.equal(evaluatePolicies([policy], { action: 'x:Y', context: { 'aws:SecureTransport': 'true', 'SAML:sub_type': 'transient' } }).decision, 'implicit-deny');
  });
});

describe('parsePolicyDocument', () => {
  const refuses = (doc: unknown, pattern: RegExp, kind?: 'trust' | 'identity') =>
    assert.throws(() => parsePolicyDocument(typeof doc === 'string' ? doc : JSON.stringify(doc), kind ? { kind } : {}), (e) => isRolegateError(e, 'ERR_VALIDATION') && pattern.test(e.message));
  test('names the problem', () => {
    refuses('{', /not valid JSON/);
    refuses([], /must be a JSON object/);
    refuses({ Version: '2012-10-18', Statement: [] }, /Version must be/);
    refuses({ Statement: [] }, /Statement must not be empty/);
    refuses({ Statement: { Effect: 'allow', Action: 'a:b' } }, /Statement\[0\]\.Effect must be "Allow" or "Deny", found "allow"/);
    refuses({ Statement: { Effect: 'Allow' } }, /exactly one of Action or NotAction/);
    refuses({ Statement: { Effect: 'Allow', Action: 'a:b', Condition: { StringEqualz: { a: 'b' } } } }, /unknown condition operator "StringEqualz"/);
    refuses({ Statement: { Effect: 'Allow', Action: 'a:b', Principal: { Users: 'x' } } }, /unknown principal type "Users"/);
    refuses({ Statement: { Effect: 'Allow', Action: 'a:b' } }, /needs one/, 'trust');
    refuses({ Statement: { Effect: 'Allow', Action: 'a:b', Principal: '*' } }, /which an identity policy must not have/, 'identity');
    refuses({ Statement: { Effect: 'Allow', Action: 'a:b', NotPrincipal: '*' } }, /NotPrincipal is not supported/);
  });
});

test('matchWildcard', () => {
  assert.equal(matchWildcard('iam:List*', 'iam:ListRoles', true), true);
  assert.equal(matchWildcard('a?c', 'abc', false), true);
  assert.equal(matchWildcard('a*b*c', 'axxbyyc', false), true);
  assert.equal(matchWildcard('a*b*c', 'axxbyy', false), false);
  assert.equal(matchWildcard('ABC', 'abc', false), false);
});
