import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resolveTransitiveGroupIds } from './resolve-transitive-groups.ts';

function fakeGroups(edges: Record<string, string[]>) {
  const calls: string[][] = [];
  return {
    calls,
    listParentGroupIds: async (ids: readonly string[]) => {
      calls.push([...ids]);
      return ids.flatMap((id) => edges[id] ?? []);
    },
  };
}

test('walks nested groups level by level and stops at a cycle', async () => {
  // user ∈ devs ∈ engineering ∈ everyone, user ∈ oncall ∈ engineering; everyone ∈ devs (a cycle)
  const groups = fakeGroups({ user: ['devs', 'oncall'], devs: ['engineering'], oncall: ['engineering'], engineering: ['everyone'], everyone: ['devs'] });
  const result = await resolveTransitiveGroupIds(groups, ['user']);
  assert.deepEqual(result.sort(), ['devs', 'engineering', 'everyone', 'oncall']);
  assert.equal(groups.calls.length, 4, 'one query per nesting level, and the cycle ends the walk');
});

test('a member of no group has no groups', async () => {
  assert.deepEqual(await resolveTransitiveGroupIds(fakeGroups({}), ['user']), []);
});
