import { addGroupMember, addMemberInput, createGroup, createGroupInput, deleteGroup, getGroup, listGroupMembers, listGroups, removeGroupMember, updateGroup, updateGroupInput } from '../../core/directory/groups.ts';
import { createUserInput, updateUserInput } from '../../core/directory/user-input.ts';
import { createUser, deleteUser, getUser, listUsers, updateUser } from '../../core/directory/users.ts';
import type { ServerDeps } from '../server-env.ts';
import { PAGE_QUERY_DOC, pageRequest, type ApiRouter } from './api-router.ts';

export function registerDirectoryApi(api: ApiRouter, { ctx }: ServerDeps): void {
  api.add({
    method: 'get', path: '/users', tag: 'users', summary: 'List users',
    query: { ...PAGE_QUERY_DOC, search: { description: 'Case-insensitive match on userPrincipalName or displayName.' } },
    response: { status: 200, schema: 'User', list: true },
    handler: async (c) => c.json(await listUsers(ctx, pageRequest(c), c.req.query('search'))),
  });
  api.add({
    method: 'post', path: '/users', tag: 'users', summary: 'Create a user', body: createUserInput,
    response: { status: 201, schema: 'User' },
    handler: async (c, body) => c.json(await createUser(ctx, body), 201),
  });
  api.add({
    method: 'get', path: '/users/:id', tag: 'users', summary: 'Get a user',
    response: { status: 200, schema: 'User' },
    handler: async (c) => c.json(await getUser(ctx, c.req.param('id')!)),
  });
  api.add({
    method: 'patch', path: '/users/:id', tag: 'users', summary: 'Update a user (and optionally set a new password)', body: updateUserInput,
    response: { status: 200, schema: 'User' },
    handler: async (c, body) => c.json(await updateUser(ctx, c.req.param('id')!, body)),
  });
  api.add({
    method: 'delete', path: '/users/:id', tag: 'users', summary: 'Delete a user with its memberships, assignments and sessions',
    response: { status: 204 },
    handler: async (c) => {
      await deleteUser(ctx, c.req.param('id')!);
      return c.body(null, 204);
    },
  });

  api.add({
    method: 'get', path: '/groups', tag: 'groups', summary: 'List groups', query: PAGE_QUERY_DOC,
    response: { status: 200, schema: 'Group', list: true },
    handler: async (c) => c.json(await listGroups(ctx, pageRequest(c))),
  });
  api.add({
    method: 'post', path: '/groups', tag: 'groups', summary: 'Create a group', body: createGroupInput,
    response: { status: 201, schema: 'Group' },
    handler: async (c, body) => c.json(await createGroup(ctx, body), 201),
  });
  api.add({
    method: 'get', path: '/groups/:id', tag: 'groups', summary: 'Get a group',
    response: { status: 200, schema: 'Group' },
    handler: async (c) => c.json(await getGroup(ctx, c.req.param('id')!)),
  });
  api.add({
    method: 'patch', path: '/groups/:id', tag: 'groups', summary: 'Update a group', body: updateGroupInput,
    response: { status: 200, schema: 'Group' },
    handler: async (c, body) => c.json(await updateGroup(ctx, c.req.param('id')!, body)),
  });
  api.add({
    method: 'delete', path: '/groups/:id', tag: 'groups', summary: 'Delete a group with its memberships and assignments',
    response: { status: 204 },
    handler: async (c) => {
      await deleteGroup(ctx, c.req.param('id')!);
      return c.body(null, 204);
    },
  });
  api.add({
    method: 'get', path: '/groups/:id/members', tag: 'groups', summary: 'List the direct members of a group', query: PAGE_QUERY_DOC,
    response: { status: 200, schema: 'GroupMembership', list: true },
    handler: async (c) => c.json(await listGroupMembers(ctx, c.req.param('id')!, pageRequest(c))),
  });
  api.add({
    method: 'post', path: '/groups/:id/members', tag: 'groups',
    summary: 'Add a user or a group as a member (nested groups count transitively for app assignment; cycles are refused)',
    body: addMemberInput,
    response: { status: 201, schema: 'GroupMembership' },
    handler: async (c, body) => c.json(await addGroupMember(ctx, c.req.param('id')!, body), 201),
  });
  api.add({
    method: 'delete', path: '/groups/:id/members/:memberId', tag: 'groups', summary: 'Remove a direct member',
    response: { status: 204 },
    handler: async (c) => {
      await removeGroupMember(ctx, c.req.param('id')!, c.req.param('memberId')!);
      return c.body(null, 204);
    },
  });
}
