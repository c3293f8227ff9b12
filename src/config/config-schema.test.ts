import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadConfig } from './config-schema.ts';

test('defaults follow SPEC §2', () => {
  const config = loadConfig({});
  assert.equal(config.PORT, 8080);
  assert.equal(config.HOST, '127.0.0.1');
  assert.equal(config.SANDBOX_PORT, 4566);
  assert.equal(config.publicUrl, 'http://127.0.0.1:8080');
  assert.match(config.dataDir, /\/data$/);
  assert.equal(config.DATABASE_URL, undefined);
});

test('an empty variable means unset, but an empty master key is refused', () => {
  assert.equal(loadConfig({ DATABASE_URL: '' }).DATABASE_URL, undefined);
  assert.throws(() => loadConfig({ ROLEGATE_MASTER_KEY: '' }), { code: 'ERR_CONFIG', message: /ROLEGATE_MASTER_KEY is set but empty/ });
});

test('bad values name the variable and never echo a secret', () => {
  assert.throws(() => loadConfig({ PORT: 'eighty' }), { code: 'ERR_CONFIG', message: /^configuration PORT: / });
  assert.throws(() => loadConfig({ DATABASE_URL: 'mysql://user:hunter2@db/x' }), (error: Error) => {
    assert.match(error.message, /DATABASE_URL: must be a postgres/);
    assert.doesNotMatch(error.message, /hunter2/);
    return true;
  });
  assert.equal(loadConfig({ ROLEGATE_PUBLIC_URL: 'https://sso.example.com/' }).publicUrl, 'https://sso.example.com');
});
