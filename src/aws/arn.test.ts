import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseArn, parseRoleArn, parseSamlProviderArn } from './arn.ts';

describe('parseArn', () => {
  test('splits the five fields and keeps colons inside the resource', () => {
    assert.deepEqual(parseArn('arn:aws:iam::111122223333:role/a'), { partition: 'aws', service: 'iam', region: '', accountId: '111122223333', resource: 'role/a' });
    assert.deepEqual(parseArn('arn:aws-us-gov:logs:us-gov-west-1:111122223333:log-group:g:*')?.resource, 'log-group:g:*');
  });

  test('refuses fewer than six fields, another prefix, an unknown partition and an empty service', () => {
    for (const value of ['arn:aws:iam::111122223333', 'arn:aws:iam:', 'urn:aws:iam::111122223333:role/a', 'arn:amazon:iam::111122223333:role/a', 'arn:aws:::111122223333:role/a', '']) {
      assert.equal(parseArn(value), undefined, value);
    }
  });
});

describe('parseRoleArn and parseSamlProviderArn', () => {
  test('a role with and without a path, and a SAML provider', () => {
    assert.deepEqual(parseRoleArn('arn:aws:iam::111122223333:role/Admin'), { arn: 'arn:aws:iam::111122223333:role/Admin', partition: 'aws', accountId: '111122223333', path: '/', roleName: 'Admin' });
    assert.equal(parseRoleArn('arn:aws:iam::111122223333:role/team/a/Dev+ops=1,2.@-_')?.path, '/team/a/');
    assert.equal(parseSamlProviderArn('arn:aws:iam::111122223333:saml-provider/rolegate.prod_1')?.providerName, 'rolegate.prod_1');
  });

  test('refuses regions, short account ids, other resource types and bad names', () => {
    for (const value of [
      'arn:aws:iam:us-east-1:111122223333:role/A',
      'arn:aws:iam::12345:role/A',
      'arn:aws:iam::111122223333:user/A',
      'arn:aws:iam::111122223333:role/',
      `arn:aws:iam::111122223333:role/${'a'.repeat(65)}`,
      'arn:aws:sts::111122223333:role/A',
    ]) {
      assert.equal(parseRoleArn(value), undefined, value);
    }
    assert.equal(parseSamlProviderArn('arn:aws:iam::111122223333:saml-provider/has space'), undefined);
    assert.equal(parseSamlProviderArn('arn:aws:iam::111122223333:role/A'), undefined);
  });
});
