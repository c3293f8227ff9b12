import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeRolePairProblem, explainAwsSamlAttributes } from './saml-attributes.ts';

const ROLE = 'arn:aws:iam::123456789012:role/Admin';
const PROVIDER = 'arn:aws:iam::123456789012:saml-provider/rolegate';
const TWELVE = '(an AWS account id has exactly 12)';

test('a Role value with a short account id says so, once, instead of "not roleArn,samlProviderArn"', () => {
  assert.equal(
    describeRolePairProblem('arn:aws:iam::12345:role/Admin,arn:aws:iam::12345:saml-provider/WAAD'),
    `not a valid role pair: account id "12345" is not 12 digits ${TWELVE}`,
  );
  assert.equal(
    describeRolePairProblem(`${ROLE},arn:aws:iam::1234567890123:saml-provider/x`),
    `not a valid role pair: account id "1234567890123" is not 12 digits ${TWELVE}`,
  );
});

test('other reasons: not an ARN, not IAM, a region; no pair at all keeps the general message', () => {
  assert.equal(describeRolePairProblem(`${ROLE},WAAD`), 'not a valid role pair: "WAAD" is not an ARN');
  assert.equal(describeRolePairProblem(`arn:aws:sts::123456789012:role/A,${PROVIDER}`), 'not a valid role pair: "arn:aws:sts::123456789012:role/A" is not an IAM ARN');
  assert.match(describeRolePairProblem(`arn:aws:iam:us-east-1:123456789012:role/A,${PROVIDER}`) ?? '', /has a region, and IAM ARNs have none/);
  for (const value of ['not-a-pair', `${ROLE},${ROLE}`, `${ROLE},${PROVIDER},x`]) {
    assert.equal(describeRolePairProblem(value), 'not "roleArn,samlProviderArn" (either order)', value);
  }
  assert.equal(describeRolePairProblem(`${PROVIDER},${ROLE}`), undefined);
});

test('explainAwsSamlAttributes warns with the reason', () => {
  const { warnings } = explainAwsSamlAttributes([
    { name: 'https://aws.amazon.com/SAML/Attributes/Role', values: ['arn:aws:iam::12345:role/Admin,arn:aws:iam::12345:saml-provider/WAAD'] },
    { name: 'https://aws.amazon.com/SAML/Attributes/RoleSessionName', values: ['alice'] },
  ]);
  assert.deepEqual(warnings, [
    `Role value "arn:aws:iam::12345:role/Admin,arn:aws:iam::12345:saml-provider/WAAD" is not a valid role pair: account id "12345" is not 12 digits ${TWELVE}`,
  ]);
});
