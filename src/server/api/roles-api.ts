import { createAssignment, createAssignmentInput, deleteAssignment, listAssignments } from '../../core/roles/assignments.ts';
import { createRole, createRoleInput, deleteRole, getRole, listRoles, updateRole, updateRoleInput } from '../../core/roles/app-roles.ts';
import { importAppRolesInput } from '../../core/roles/graph-app-roles-input.ts';
import { importAppRoles } from '../../core/roles/import-app-roles.ts';
import type { ServerDeps } from '../server-env.ts';
import { PAGE_QUERY_DOC, pageRequest, type ApiRouter } from './api-router.ts';

export function registerRolesApi(api: ApiRouter, { ctx }: ServerDeps): void {
  api.add({
    method: 'get', path: '/apps/:id/roles', tag: 'roles', summary: 'List app roles (no fixed limit on their number)', query: PAGE_QUERY_DOC,
    response: { status: 200, schema: 'AppRole', list: true },
    handler: async (c) => c.json(await listRoles(ctx, c.req.param('id')!, pageRequest(c))),
  });
  api.add({
    method: 'post', path: '/apps/:id/roles', tag: 'roles', summary: 'Create an app role; for AWS the value is `roleArn,samlProviderArn`',
    body: createRoleInput,
    response: { status: 201, schema: 'AppRole' },
    handler: async (c, body) => c.json(await createRole(ctx, c.req.param('id')!, body), 201),
  });
  api.add({
    method: 'post', path: '/apps/:id/roles/import', tag: 'roles',
    summary: 'Import the appRoles JSON of Microsoft Graph (seed 001): appends and merges by value, never deletes',
    body: importAppRolesInput,
    response: { status: 200, schema: 'ImportSummary' },
    handler: async (c, body) => c.json(await importAppRoles(ctx, c.req.param('id')!, body)),
  });
  api.add({
    method: 'get', path: '/apps/:id/roles/:roleId', tag: 'roles', summary: 'Get an app role',
    response: { status: 200, schema: 'AppRole' },
    handler: async (c) => c.json(await getRole(ctx, c.req.param('id')!, c.req.param('roleId')!)),
  });
  api.add({
    method: 'patch', path: '/apps/:id/roles/:roleId', tag: 'roles', summary: 'Update or disable an app role', body: updateRoleInput,
    response: { status: 200, schema: 'AppRole' },
    handler: async (c, body) => c.json(await updateRole(ctx, c.req.param('id')!, c.req.param('roleId')!, body)),
  });
  api.add({
    method: 'delete', path: '/apps/:id/roles/:roleId', tag: 'roles', summary: 'Delete an app role and its assignments',
    response: { status: 204 },
    handler: async (c) => {
      await deleteRole(ctx, c.req.param('id')!, c.req.param('roleId')!);
      return c.body(null, 204);
    },
  });

  api.add({
    method: 'get', path: '/apps/:id/assignments', tag: 'assignments', summary: 'List assignments', query: PAGE_QUERY_DOC,
    response: { status: 200, schema: 'Assignment', list: true },
    handler: async (c) => c.json(await listAssignments(ctx, c.req.param('id')!, pageRequest(c))),
  });
  api.add({
    method: 'post', path: '/apps/:id/assignments', tag: 'assignments', summary: 'Assign a user or a group to an app role',
    body: createAssignmentInput,
    response: { status: 201, schema: 'Assignment' },
    handler: async (c, body) => c.json(await createAssignment(ctx, c.req.param('id')!, body), 201),
  });
  api.add({
    method: 'delete', path: '/apps/:id/assignments/:assignmentId', tag: 'assignments', summary: 'Remove an assignment',
    response: { status: 204 },
    handler: async (c) => {
      await deleteAssignment(ctx, c.req.param('id')!, c.req.param('assignmentId')!);
      return c.body(null, 204);
    },
  });
}
