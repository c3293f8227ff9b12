import assert from 'node:assert/strict';
import type { TestIdp } from './start-test-idp.ts';

/** Assigns a user or group to the app's default msiam_access role over the admin API, as an administrator would. */
export async function assignDefaultRole(idp: TestIdp, appId: string, principalId: string): Promise<void> {
  const roles = await idp.api('GET', `/apps/${appId}/roles`);
  const msiam = roles.body.items.find((r: { displayName: string }) => r.displayName === 'msiam_access');
  assert.ok(msiam, 'every app has msiam_access');
  const assigned = await idp.api('POST', `/apps/${appId}/assignments`, { principalId, appRoleId: msiam.id });
  assert.equal(assigned.status, 201, JSON.stringify(assigned.body));
}
