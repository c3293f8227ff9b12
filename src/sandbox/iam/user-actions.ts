import { authorizeAction } from '../auth/authorize-action.ts';
import { validationError } from '../errors/aws-service-error.ts';
import { ParamReader } from '../protocol/param-reader.ts';
import { paginate } from '../protocol/paginate.ts';
import { requireCaller, type QueryAction, type QueryContext } from '../protocol/query-context.ts';
import type { UserRecord } from '../state/state-types.ts';
import { findAccount, getUser } from './find-account.ts';
import { MARKER, PATH_PREFIX, USER_NAME, userArn } from './iam-names.ts';
import { createAccessKey, createUser, deleteAccessKey, deleteUser, deleteUserPolicy, putUserPolicy } from './user-operations.ts';

const userXml = (user: UserRecord) => ({
  Path: user.path,
  UserName: user.userName,
  UserId: user.userId,
  Arn: user.arn,
  CreateDate: new Date(user.createdAt),
});

/**
 * The user an action is about: `UserName` when given, else the calling user. Calls with
 * root credentials and no name act on the root; role sessions must name a user (as IAM).
 */
function targetUserName(context: QueryContext): string | undefined {
  const caller = requireCaller(context);
  const given = context.params.get('UserName');
  if (given !== undefined) return given;
  if (caller.kind === 'user') return caller.userName;
  if (caller.kind === 'root') return undefined;
  throw validationError('Must specify userName when calling with non-User credentials');
}

function authorizeOnUser(context: QueryContext, action: string, userName: string | undefined): string {
  const caller = requireCaller(context);
  const existing = userName === undefined ? undefined : context.runtime.store.state.users.find(
    (u) => u.accountId === caller.accountId && u.userName.toLowerCase() === userName.toLowerCase(),
  );
  const resource = userName === undefined
    ? `arn:aws:iam::${caller.accountId}:root`
    : existing?.arn ?? userArn(caller.accountId, context.params.get('Path') ?? '/', userName);
  authorizeAction(caller, context.runtime.store, { action: `iam:${action}`, resource }, context.now);
  return caller.accountId;
}

export const createUserAction: QueryAction = async (context) => {
  const accountId = authorizeOnUser(context, 'CreateUser', context.params.get('UserName') ?? '');
  const user = await createUser(context.runtime.store, accountId, context.params, context.now);
  return { User: userXml(user) };
};

export const getUserAction: QueryAction = async (context) => {
  const userName = targetUserName(context);
  const accountId = authorizeOnUser(context, 'GetUser', userName);
  if (userName === undefined) {
    const account = findAccount(context.runtime.store, accountId);
    return { User: { Path: '/', UserId: accountId, Arn: `arn:aws:iam::${accountId}:root`, CreateDate: new Date(account.createdAt) } };
  }
  const p = new ParamReader(new Map([['UserName', userName]]));
  p.string('UserName', USER_NAME);
  p.done();
  return { User: userXml(getUser(context.runtime.store, accountId, userName)) };
};

export const listUsersAction: QueryAction = async (context) => {
  const caller = requireCaller(context);
  const p = new ParamReader(context.params);
  const pathPrefix = p.string('PathPrefix', PATH_PREFIX) ?? '/';
  const marker = p.string('Marker', MARKER);
  const maxItems = p.integer('MaxItems', { min: 1, max: 1000 }) ?? 100;
  p.done();
  authorizeAction(caller, context.runtime.store, { action: 'iam:ListUsers', resource: `arn:aws:iam::${caller.accountId}:user${pathPrefix}` }, context.now);
  const users = context.runtime.store.state.users.filter((u) => u.accountId === caller.accountId && u.path.startsWith(pathPrefix));
  const page = paginate(users, (u) => u.userName.toLowerCase(), marker, maxItems);
  return { Users: page.items.map(userXml), IsTruncated: page.isTruncated, Marker: page.marker };
};

export const deleteUserAction: QueryAction = async (context) => {
  const accountId = authorizeOnUser(context, 'DeleteUser', context.params.get('UserName') ?? '');
  await deleteUser(context.runtime.store, accountId, context.params);
  return undefined;
};

export const createAccessKeyAction: QueryAction = async (context) => {
  const userName = targetUserName(context);
  const accountId = authorizeOnUser(context, 'CreateAccessKey', userName);
  const key = await createAccessKey(context.runtime.store, accountId, userName, context.now);
  return {
    AccessKey: {
      UserName: key.userName ?? accountId,
      AccessKeyId: key.accessKeyId,
      Status: key.status,
      SecretAccessKey: key.secretAccessKey,
      CreateDate: new Date(key.createdAt),
    },
  };
};

export const listAccessKeysAction: QueryAction = async (context) => {
  const userName = targetUserName(context);
  const accountId = authorizeOnUser(context, 'ListAccessKeys', userName);
  const user = userName === undefined ? undefined : getUser(context.runtime.store, accountId, userName);
  const keys = context.runtime.store.state.accessKeys.filter((k) => k.accountId === accountId && k.userName === user?.userName);
  return {
    AccessKeyMetadata: keys.map((k) => ({
      UserName: k.userName ?? accountId,
      AccessKeyId: k.accessKeyId,
      Status: k.status,
      CreateDate: new Date(k.createdAt),
    })),
    IsTruncated: false,
  };
};

export const deleteAccessKeyAction: QueryAction = async (context) => {
  const userName = targetUserName(context);
  const accountId = authorizeOnUser(context, 'DeleteAccessKey', userName);
  const p = new ParamReader(context.params);
  const accessKeyId = p.string('AccessKeyId', { required: true, min: 16, max: 128, pattern: /^[\w]+$/, patternText: '[\\w]+' });
  p.done();
  await deleteAccessKey(context.runtime.store, accountId, userName, accessKeyId);
  return undefined;
};

export const putUserPolicyAction: QueryAction = async (context) => {
  const accountId = authorizeOnUser(context, 'PutUserPolicy', context.params.get('UserName') ?? '');
  await putUserPolicy(context.runtime.store, accountId, context.params);
  return undefined;
};

export const deleteUserPolicyAction: QueryAction = async (context) => {
  const accountId = authorizeOnUser(context, 'DeleteUserPolicy', context.params.get('UserName') ?? '');
  await deleteUserPolicy(context.runtime.store, accountId, context.params);
  return undefined;
};
