import { AwsServiceError, entityAlreadyExists, limitExceeded, noSuchEntity } from '../errors/aws-service-error.ts';
import { ParamReader } from '../protocol/param-reader.ts';
import { newLongTermAccessKeyId, newSecretAccessKey, newUserId } from '../state/generate-ids.ts';
import type { SandboxStore } from '../state/sandbox-store.ts';
import type { AccessKeyRecord, UserRecord } from '../state/state-types.ts';
import { checkPolicyDocument } from './check-policy-document.ts';
import { findAccount, findUser, getUser } from './find-account.ts';
import { PATH, POLICY_DOCUMENT, POLICY_NAME, USER_NAME, userArn } from './iam-names.ts';

// IAM quota "Access keys assigned to an IAM user".
const ACCESS_KEYS_PER_USER = 2;

export async function createUser(store: SandboxStore, accountId: string, params: ReadonlyMap<string, string>, now: Date): Promise<UserRecord> {
  const p = new ParamReader(params);
  const userName = p.string('UserName', USER_NAME);
  const path = p.string('Path', PATH) ?? '/';
  p.tags();
  p.done();
  findAccount(store, accountId);
  if (findUser(store, accountId, userName) !== undefined) throw entityAlreadyExists(`User with name ${userName} already exists.`);
  const user: UserRecord = {
    accountId,
    userName,
    userId: newUserId(),
    path,
    arn: userArn(accountId, path, userName),
    createdAt: now.toISOString(),
    inlinePolicies: {},
  };
  await store.mutate((state) => {
    state.users.push(user);
  });
  return user;
}

export async function deleteUser(store: SandboxStore, accountId: string, params: ReadonlyMap<string, string>): Promise<void> {
  const p = new ParamReader(params);
  const userName = p.string('UserName', USER_NAME);
  p.done();
  const user = getUser(store, accountId, userName);
  if (store.state.accessKeys.some((k) => k.accountId === accountId && k.userName === user.userName)) {
    throw new AwsServiceError('DeleteConflict', 'Cannot delete entity, must delete access keys first.', 409);
  }
  if (Object.keys(user.inlinePolicies).length > 0) {
    throw new AwsServiceError('DeleteConflict', 'Cannot delete entity, must delete policies first.', 409);
  }
  await store.mutate((state) => {
    state.users = state.users.filter((u) => u !== user);
  });
}

/** CreateAccessKey: for `UserName`, or for the caller itself when it is omitted (root or user). */
export async function createAccessKey(
  store: SandboxStore,
  accountId: string,
  userName: string | undefined,
  now: Date,
): Promise<AccessKeyRecord> {
  findAccount(store, accountId);
  const user = userName === undefined ? undefined : getUser(store, accountId, userName);
  const existing = store.state.accessKeys.filter((k) => k.accountId === accountId && k.userName === user?.userName);
  if (existing.length >= ACCESS_KEYS_PER_USER) {
    throw limitExceeded(`Cannot exceed quota for AccessKeysPerUser: ${ACCESS_KEYS_PER_USER}`);
  }
  const key: AccessKeyRecord = {
    accessKeyId: newLongTermAccessKeyId(),
    secretAccessKey: newSecretAccessKey(),
    accountId,
    ...(user === undefined ? {} : { userName: user.userName }),
    status: 'Active',
    createdAt: now.toISOString(),
  };
  await store.mutate((state) => {
    state.accessKeys.push(key);
  });
  return key;
}

export async function deleteAccessKey(store: SandboxStore, accountId: string, userName: string | undefined, accessKeyId: string): Promise<void> {
  const key = store.state.accessKeys.find(
    (k) => k.accessKeyId === accessKeyId && k.accountId === accountId && k.userName?.toLowerCase() === userName?.toLowerCase(),
  );
  if (key === undefined) throw noSuchEntity(`The Access Key with id ${accessKeyId} cannot be found.`);
  await store.mutate((state) => {
    state.accessKeys = state.accessKeys.filter((k) => k !== key);
  });
}

export async function putUserPolicy(store: SandboxStore, accountId: string, params: ReadonlyMap<string, string>): Promise<void> {
  const p = new ParamReader(params);
  const userName = p.string('UserName', USER_NAME);
  const policyName = p.string('PolicyName', POLICY_NAME);
  const json = p.string('PolicyDocument', POLICY_DOCUMENT);
  p.done();
  checkPolicyDocument(json);
  const user = getUser(store, accountId, userName);
  await store.mutate(() => {
    user.inlinePolicies[policyName] = json;
  });
}

export async function deleteUserPolicy(store: SandboxStore, accountId: string, params: ReadonlyMap<string, string>): Promise<void> {
  const p = new ParamReader(params);
  const userName = p.string('UserName', USER_NAME);
  const policyName = p.string('PolicyName', POLICY_NAME);
  p.done();
  const user = getUser(store, accountId, userName);
  if (!(policyName in user.inlinePolicies)) throw noSuchEntity(`The user policy with name ${policyName} cannot be found.`);
  await store.mutate(() => {
    delete user.inlinePolicies[policyName];
  });
}
