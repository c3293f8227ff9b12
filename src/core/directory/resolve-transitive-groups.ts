import type { GroupRepository } from '../ports/store.ts';

/**
 * Every group that contains any of `memberIds`, directly or through other groups
 * (breadth-first, one query per nesting level). Cycles cannot be created through
 * addGroupMember, but the walk still guards against them with a visited set.
 */
export async function resolveTransitiveGroupIds(
  groups: Pick<GroupRepository, 'listParentGroupIds'>,
  memberIds: readonly string[],
): Promise<string[]> {
  const seen = new Set<string>();
  let frontier = [...memberIds];
  while (frontier.length > 0) {
    const parents = await groups.listParentGroupIds(frontier);
    frontier = [];
    for (const id of parents) {
      if (!seen.has(id)) {
        seen.add(id);
        frontier.push(id);
      }
    }
  }
  return [...seen];
}
