import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { AWS_ATTR, buildTestResponse } from './support/build-test-response.ts';

const BIN = new URL('../bin/rolegate.js', import.meta.url).pathname;
const SEED_001 = new URL('./fixtures/seed-001-app-roles.json', import.meta.url).pathname;

test("saml inspect names the real reason seed 001's role values fail: 5-digit account ids", () => {
  const values = (JSON.parse(readFileSync(SEED_001, 'utf8')) as { appRoles: Array<{ value: string | null }> }).appRoles
    .map((r) => r.value)
    .filter((v): v is string => v !== null);
  const xml = buildTestResponse({
    now: new Date(),
    attributes: [
      { name: `${AWS_ATTR}Role`, values },
      { name: `${AWS_ATTR}RoleSessionName`, values: ['britta.simon@contoso.com'] },
    ],
  });
  const run = spawnSync(process.execPath, [BIN, 'saml', 'inspect', '-'], { input: Buffer.from(xml).toString('base64'), encoding: 'utf8', env: { ...process.env, LOG_LEVEL: 'silent' } });
  for (const value of values) {
    assert.ok(
      run.stdout.includes(`Role value "${value}" is not a valid role pair: account id "12345" is not 12 digits (an AWS account id has exactly 12)`),
      run.stdout,
    );
  }
  assert.doesNotMatch(run.stdout, /is not "roleArn,samlProviderArn"/);
});
