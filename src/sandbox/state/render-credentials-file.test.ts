import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderCredentialsFile } from './render-credentials-file.ts';
import { emptyState } from './state-types.ts';

test('renders one profile per account root and per IAM user (newest active key)', () => {
  const state = emptyState();
  state.accounts.push({ id: '111111111111', name: 'a', email: 'a@x', roleLimit: 1000, createdAt: '2024-01-01T00:00:00Z' });
  const key = (id: string, userName?: string, status: 'Active' | 'Inactive' = 'Active') => ({
    accessKeyId: id,
    secretAccessKey: `secret-${id}`,
    accountId: '111111111111',
    ...(userName === undefined ? {} : { userName }),
    status,
    createdAt: '2024-01-01T00:00:00Z',
  });
  state.accessKeys.push(key('AKIAROOT'), key('AKIABOB1', 'bob'), key('AKIABOB2', 'bob'), key('AKIAOFF', 'eve', 'Inactive'));
  const text = renderCredentialsFile(state);
  assert.ok(text.includes('[111111111111]\naws_access_key_id = AKIAROOT\naws_secret_access_key = secret-AKIAROOT\n'));
  assert.ok(text.includes('[111111111111-bob]\naws_access_key_id = AKIABOB2\n'));
  assert.ok(!text.includes('AKIABOB1'));
  assert.ok(!text.includes('AKIAOFF'));
});
