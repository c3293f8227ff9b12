import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AWS_SIGN_IN_ENDPOINTS, createSamlValidationOptions, matchesSignInEndpoint } from './validation-options.ts';

test('sign-in endpoints: global, regional by pattern, the sandbox itself; nothing else', () => {
  const { signInEndpoints, clockSkewSeconds, allowSha1 } = createSamlValidationOptions({ now: new Date(0), publicUrl: 'http://127.0.0.1:4566/' });
  assert.deepEqual(signInEndpoints, [...AWS_SIGN_IN_ENDPOINTS, 'http://127.0.0.1:4566/saml']);
  assert.equal(clockSkewSeconds, 300);
  assert.equal(allowSha1, false);
  for (const ok of ['https://signin.aws.amazon.com/saml', 'https://us-east-1.signin.aws.amazon.com/saml', 'http://127.0.0.1:4566/saml']) {
    assert.equal(matchesSignInEndpoint(ok, signInEndpoints), true, ok);
  }
  for (const bad of [
    'https://signin.aws.amazon.com/saml/',
    'https://.signin.aws.amazon.com/saml',
    'https://evil.com/.signin.aws.amazon.com/saml',
    'https://a.b.signin.aws.amazon.com/saml',
    'https://EU-WEST-1.signin.aws.amazon.com/saml',
    'http://signin.aws.amazon.com/saml',
  ]) {
    assert.equal(matchesSignInEndpoint(bad, signInEndpoints), false, bad);
  }
});
