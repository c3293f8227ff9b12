import { authorizeAction } from '../auth/authorize-action.ts';
import { ParamReader } from '../protocol/param-reader.ts';
import { paginate } from '../protocol/paginate.ts';
import { requireCaller, type QueryAction, type QueryContext } from '../protocol/query-context.ts';
import { encodeRfc3986 } from '../sigv4/encode-rfc3986.ts';
import { getRole } from './find-account.ts';
import { MARKER, PATH_PREFIX, POLICY_NAME, ROLE_NAME, roleArn } from './iam-names.ts';
import {
  createRole,
  deleteRole,
  deleteRolePolicy,
  putRolePolicy,
  updateAssumeRolePolicy,
  updateRole,
} from './role-operations.ts';
import { roleXml } from './role-xml.ts';
import { AwsServiceError } from '../errors/aws-service-error.ts';

/** Authorizes `iam:<action>` on the role named by `RoleName` (with `Path` when creating). */
function authorizeOnRole(context: QueryContext, action: string): string {
  const caller = requireCaller(context);
  const name = context.params.get('RoleName') ?? '';
  const existing = name === '' ? undefined : context.runtime.store.state.roles.find(
    (r) => r.accountId === caller.accountId && r.roleName.toLowerCase() === name.toLowerCase(),
  );
  const resource = existing?.arn ?? roleArn(caller.accountId, context.params.get('Path') ?? '/', name);
  authorizeAction(caller, context.runtime.store, { action: `iam:${action}`, resource }, context.now);
  return caller.accountId;
}

export const createRoleAction: QueryAction = async (context) => {
  const accountId = authorizeOnRole(context, 'CreateRole');
  const role = await createRole(context.runtime.store, accountId, context.params, context.now);
  return { Role: roleXml(role, 'full') };
};

export const getRoleAction: QueryAction = async (context) => {
  const accountId = authorizeOnRole(context, 'GetRole');
  const p = new ParamReader(context.params);
  const roleName = p.string('RoleName', ROLE_NAME);
  p.done();
  return { Role: roleXml(getRole(context.runtime.store, accountId, roleName), 'full') };
};

export const updateRoleAction: QueryAction = async (context) => {
  const accountId = authorizeOnRole(context, 'UpdateRole');
  await updateRole(context.runtime.store, accountId, context.params);
  return {};
};

export const updateAssumeRolePolicyAction: QueryAction = async (context) => {
  const accountId = authorizeOnRole(context, 'UpdateAssumeRolePolicy');
  await updateAssumeRolePolicy(context.runtime.store, accountId, context.params);
  return undefined;
};

export const deleteRoleAction: QueryAction = async (context) => {
  const accountId = authorizeOnRole(context, 'DeleteRole');
  await deleteRole(context.runtime.store, accountId, context.params);
  return undefined;
};

export const putRolePolicyAction: QueryAction = async (context) => {
  const accountId = authorizeOnRole(context, 'PutRolePolicy');
  await putRolePolicy(context.runtime.store, accountId, context.params);
  return undefined;
};

export const deleteRolePolicyAction: QueryAction = async (context) => {
  const accountId = authorizeOnRole(context, 'DeleteRolePolicy');
  await deleteRolePolicy(context.runtime.store, accountId, context.params);
  return undefined;
};

export const getRolePolicyAction: QueryAction = async (context) => {
  const accountId = authorizeOnRole(context, 'GetRolePolicy');
  const p = new ParamReader(context.params);
  const roleName = p.string('RoleName', ROLE_NAME);
  const policyName = p.string('PolicyName', POLICY_NAME);
  p.done();
  const role = getRole(context.runtime.store, accountId, roleName);
  const json = role.inlinePolicies[policyName];
  if (json === undefined) throw new AwsServiceError('NoSuchEntity', `The role policy with name ${policyName} cannot be found.`, 404);
  return { RoleName: role.roleName, PolicyName: policyName, PolicyDocument: encodeRfc3986(json) };
};

export const listRolePoliciesAction: QueryAction = async (context) => {
  const accountId = authorizeOnRole(context, 'ListRolePolicies');
  const p = new ParamReader(context.params);
  const roleName = p.string('RoleName', ROLE_NAME);
  const marker = p.string('Marker', MARKER);
  const maxItems = p.integer('MaxItems', { min: 1, max: 1000 }) ?? 100;
  p.done();
  const role = getRole(context.runtime.store, accountId, roleName);
  const page = paginate(Object.keys(role.inlinePolicies), (name) => name, marker, maxItems);
  return { PolicyNames: page.items, IsTruncated: page.isTruncated, Marker: page.marker };
};

export const listRolesAction: QueryAction = async (context) => {
  const caller = requireCaller(context);
  const p = new ParamReader(context.params);
  const pathPrefix = p.string('PathPrefix', PATH_PREFIX) ?? '/';
  const marker = p.string('Marker', MARKER);
  const maxItems = p.integer('MaxItems', { min: 1, max: 1000 }) ?? 100;
  p.done();
  authorizeAction(
    caller,
    context.runtime.store,
    { action: 'iam:ListRoles', resource: `arn:aws:iam::${caller.accountId}:role${pathPrefix}` },
    context.now,
  );
  const roles = context.runtime.store.state.roles.filter(
    (r) => r.accountId === caller.accountId && r.path.startsWith(pathPrefix),
  );
  const page = paginate(roles, (r) => r.roleName.toLowerCase(), marker, maxItems);
  return {
    Roles: page.items.map((r) => roleXml(r, 'list')),
    IsTruncated: page.isTruncated,
    Marker: page.marker,
  };
};
