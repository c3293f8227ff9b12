import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ParsedAssertion } from '../../saml/read-assertion.ts';
import { checkTimeWindow } from './check-time-window.ts';
import { SandboxSamlError } from './sandbox-saml-error.ts';

const assertion = (over: Partial<ParsedAssertion> = {}): ParsedAssertion => ({
  id: '_a',
  issueInstant: '2025-01-15T12:00:00Z',
  issuer: 'x',
  conditions: { notBefore: '2025-01-15T12:00:00Z', notOnOrAfter: '2025-01-15T12:05:00Z', audiences: [] },
  authnStatements: [{ sessionNotOnOrAfter: '2025-01-15T20:00:00Z' }],
  attributes: [],
  ...over,
});
const at = (iso: string) => new Date(iso);
const expired = (pattern: RegExp) => (e: unknown) => e instanceof SandboxSamlError && e.code === 'ExpiredTokenException' && e.check === 'check-time-window' && pattern.test(e.message);

test('returns the earliest end and the session end', () => {
  assert.deepEqual(checkTimeWindow(assertion(), '2025-01-15T12:04:00Z', at('2025-01-15T12:01:00Z'), 0), {
    notOnOrAfter: at('2025-01-15T12:04:00Z'),
    sessionNotOnOrAfter: at('2025-01-15T20:00:00Z'),
  });
});

test('skew applies on both bounds, exactly', () => {
  // NotOnOrAfter is exclusive: at 12:05:00 + 60 s skew the assertion is expired.
  assert.equal(checkTimeWindow(assertion(), '2025-01-15T12:05:00Z', at('2025-01-15T12:05:59.999Z'), 60).notOnOrAfter.toISOString(), '2025-01-15T12:05:00.000Z');
  assert.throws(() => checkTimeWindow(assertion(), '2025-01-15T12:05:00Z', at('2025-01-15T12:06:00Z'), 60), expired(/has expired/));
  assert.equal(checkTimeWindow(assertion(), '2025-01-15T12:05:00Z', at('2025-01-15T11:59:00Z'), 60).notOnOrAfter.toISOString(), '2025-01-15T12:05:00.000Z');
  assert.throws(() => checkTimeWindow(assertion(), '2025-01-15T12:05:00Z', at('2025-01-15T11:58:59Z'), 60), expired(/not yet valid|IssueInstant/));
});

test('refuses non-UTC times instead of guessing', () => {
  assert.throws(
    () => checkTimeWindow(assertion({ issueInstant: '2025-01-15T12:00:00+02:00' }), '2025-01-15T12:05:00Z', at('2025-01-15T12:01:00Z'), 0),
    (e) => e instanceof SandboxSamlError && e.code === 'InvalidIdentityToken' && /not a UTC xs:dateTime/.test(e.message),
  );
});
