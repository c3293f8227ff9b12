import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateSamlId } from './generate-saml-id.ts';

test('generateSamlId returns an NCName of underscore plus 40 hex characters', () => {
  const id = generateSamlId();
  assert.match(id, /^_[0-9a-f]{40}$/);
});

test('generateSamlId does not repeat', () => {
  const ids = new Set(Array.from({ length: 200 }, () => generateSamlId()));
  assert.equal(ids.size, 200);
});
