import { AwsServiceError, entityAlreadyExists, limitExceeded } from '../errors/aws-service-error.ts';
import { ParamReader } from '../protocol/param-reader.ts';
import { newRoleId } from '../state/generate-ids.ts';
import type { SandboxStore } from '../state/sandbox-store.ts';
import type { RoleRecord } from '../state/state-types.ts';
import { checkPolicyDocument, checkTrustPolicyDocument } from './check-policy-document.ts';
import { findAccount, findRole, getRole } from './find-account.ts';
import { DESCRIPTION, PATH, POLICY_DOCUMENT, POLICY_NAME, ROLE_NAME, roleArn } from './iam-names.ts';

/** CreateRole: validates every parameter, then the account's role quota and name uniqueness. */
export async function createRole(store: SandboxStore, accountId: string, params: ReadonlyMap<string, string>, now: Date): Promise<RoleRecord> {
  const p = new ParamReader(params);
  const roleName = p.string('RoleName', ROLE_NAME);
  const trustPolicyJson = p.string('AssumeRolePolicyDocument', POLICY_DOCUMENT);
  const path = p.string('Path', PATH) ?? '/';
  const description = p.string('Description', DESCRIPTION);
  const maxSessionDuration = p.integer('MaxSessionDuration', { min: 3600, max: 43200 }) ?? 3600;
  const tags = p.tags();
  p.string('PermissionsBoundary', { min: 20, max: 2048 });
  p.done();
  checkTrustPolicyDocument(trustPolicyJson, accountId);
  const account = findAccount(store, accountId);
  if (findRole(store, accountId, roleName) !== undefined) throw entityAlreadyExists(`Role with name ${roleName} already exists.`);
  const count = store.state.roles.filter((r) => r.accountId === accountId).length;
  if (count >= account.roleLimit) throw limitExceeded(`Cannot exceed quota for RolesPerAccount: ${account.roleLimit}`);
  const role: RoleRecord = {
    accountId,
    roleName,
    roleId: newRoleId(),
    path,
    arn: roleArn(accountId, path, roleName),
    trustPolicyJson,
    ...(description === undefined ? {} : { description }),
    maxSessionDuration,
    createdAt: now.toISOString(),
    tags,
    inlinePolicies: {},
  };
  await store.mutate((state) => {
    state.roles.push(role);
  });
  return role;
}

export async function updateRole(store: SandboxStore, accountId: string, params: ReadonlyMap<string, string>): Promise<RoleRecord> {
  const p = new ParamReader(params);
  const roleName = p.string('RoleName', ROLE_NAME);
  const description = p.string('Description', DESCRIPTION);
  const maxSessionDuration = p.integer('MaxSessionDuration', { min: 3600, max: 43200 });
  p.done();
  const role = getRole(store, accountId, roleName);
  await store.mutate(() => {
    if (description !== undefined) role.description = description;
    if (maxSessionDuration !== undefined) role.maxSessionDuration = maxSessionDuration;
  });
  return role;
}

export async function updateAssumeRolePolicy(store: SandboxStore, accountId: string, params: ReadonlyMap<string, string>): Promise<RoleRecord> {
  const p = new ParamReader(params);
  const roleName = p.string('RoleName', ROLE_NAME);
  const json = p.string('PolicyDocument', POLICY_DOCUMENT);
  p.done();
  checkTrustPolicyDocument(json, accountId);
  const role = getRole(store, accountId, roleName);
  await store.mutate(() => {
    role.trustPolicyJson = json;
  });
  return role;
}

export async function deleteRole(store: SandboxStore, accountId: string, params: ReadonlyMap<string, string>): Promise<void> {
  const p = new ParamReader(params);
  const roleName = p.string('RoleName', ROLE_NAME);
  p.done();
  const role = getRole(store, accountId, roleName);
  if (Object.keys(role.inlinePolicies).length > 0) {
    throw new AwsServiceError('DeleteConflict', 'Cannot delete entity, must delete policies first.', 409);
  }
  await store.mutate((state) => {
    state.roles = state.roles.filter((r) => r !== role);
  });
}

export async function putRolePolicy(store: SandboxStore, accountId: string, params: ReadonlyMap<string, string>): Promise<void> {
  const p = new ParamReader(params);
  const roleName = p.string('RoleName', ROLE_NAME);
  const policyName = p.string('PolicyName', POLICY_NAME);
  const json = p.string('PolicyDocument', POLICY_DOCUMENT);
  p.done();
  checkPolicyDocument(json);
  const role = getRole(store, accountId, roleName);
  await store.mutate(() => {
    role.inlinePolicies[policyName] = json;
  });
}

export async function deleteRolePolicy(store: SandboxStore, accountId: string, params: ReadonlyMap<string, string>): Promise<void> {
  const p = new ParamReader(params);
  const roleName = p.string('RoleName', ROLE_NAME);
  const policyName = p.string('PolicyName', POLICY_NAME);
  p.done();
  const role = getRole(store, accountId, roleName);
  if (!(policyName in role.inlinePolicies)) {
    throw new AwsServiceError('NoSuchEntity', `The role policy with name ${policyName} cannot be found.`, 404);
  }
  await store.mutate(() => {
    delete role.inlinePolicies[policyName];
  });
}
