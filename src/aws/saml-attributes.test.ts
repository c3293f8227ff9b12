import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describePrincipalTagProblem, describeSourceIdentityProblem, isValidRoleSessionName, parseRolePair } from './saml-attributes.ts';
import { formatAssumedRoleArn, parseRoleArn, parseSamlProviderArn } from './arn.ts';

const ROLE = 'arn:aws:iam::123456789012:role/ops/Admin';
const PROVIDER = 'arn:aws:iam::123456789012:saml-provider/rolegate';

test('parseRolePair accepts either order and trims', () => {
  for (const value of [`${ROLE},${PROVIDER}`, `${PROVIDER}, ${ROLE}`]) {
    const pair = parseRolePair(value);
    assert.equal(pair?.roleArn, ROLE);
    assert.equal(pair?.principalArn, PROVIDER);
    assert.equal(pair?.role.roleName, 'Admin');
    assert.equal(pair?.role.path, '/ops/');
    assert.equal(pair?.provider.providerName, 'rolegate');
  }
});

test('parseRolePair refuses non-pairs', () => {
  assert.equal(parseRolePair(ROLE), undefined);
  assert.equal(parseRolePair(`${ROLE},${ROLE}`), undefined);
  assert.equal(parseRolePair(`${ROLE},${PROVIDER},x`), undefined);
  assert.equal(parseRolePair(`arn:aws:iam::12345:role/A,${PROVIDER}`), undefined);
});

test('ARN helpers', () => {
  assert.equal(parseRoleArn('arn:aws:iam::123456789012:role/A')?.path, '/');
  assert.equal(parseRoleArn('arn:aws:iam::123456789012:user/A'), undefined);
  assert.equal(parseSamlProviderArn('arn:aws-us-gov:iam::123456789012:saml-provider/x')?.partition, 'aws-us-gov');
  assert.equal(formatAssumedRoleArn({ partition: 'aws', accountId: '123456789012', roleName: 'Admin' }, 'alice'), 'arn:aws:sts::123456789012:assumed-role/Admin/alice');
});

test('RoleSessionName pattern', () => {
  assert.equal(isValidRoleSessionName('alice@example.com'), true);
  assert.equal(isValidRoleSessionName('a'), false);
  assert.equal(isValidRoleSessionName('a'.repeat(65)), false);
  assert.equal(isValidRoleSessionName('alice smith'), false);
});

test('SourceIdentity and tag rules', () => {
  assert.equal(describeSourceIdentityProblem('alice'), undefined);
  assert.equal(describeSourceIdentityProblem('aws:alice'), 'must not begin with "aws:"');
  assert.match(describeSourceIdentityProblem('a') ?? '', /2-64/);
  assert.equal(describePrincipalTagProblem('Project', 'Blue Sky/ü'), undefined);
  assert.match(describePrincipalTagProblem('', 'x') ?? '', /key must be 1-128/);
  assert.match(describePrincipalTagProblem('Team', 'a<b') ?? '', /value may contain only/);
  assert.match(describePrincipalTagProblem('Team', 'x'.repeat(257)) ?? '', /at most 256/);
});
