import { AwsServiceError } from '../errors/aws-service-error.ts';
import { createRole, putRolePolicy } from '../iam/role-operations.ts';
import { newCreateAccountRequestId } from '../state/generate-ids.ts';
import type { CreateAccountRequestRecord } from '../state/state-types.ts';
import { addAccount } from './add-account.ts';
import { authorizeOrganizations, invalidInput, type JsonAction, type JsonContext } from './organizations-access.ts';

// Organizations API reference, CreateAccount: Email, AccountName and RoleName constraints.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const ACCOUNT_NAME = /^[\u0020-\u007E]+$/;
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;
const REQUEST_ID = /^car-[a-z0-9]{8,32}$/;
const DEFAULT_ROLE_NAME = 'OrganizationAccountAccessRole';

function readString(body: Record<string, unknown>, name: string, pattern: RegExp, min: number, max: number, required: true): string;
function readString(body: Record<string, unknown>, name: string, pattern: RegExp, min: number, max: number, required: false): string | undefined;
function readString(body: Record<string, unknown>, name: string, pattern: RegExp, min: number, max: number, required: boolean): string | undefined {
  const value = body[name];
  if (value === undefined) {
    if (required) throw invalidInput(`${name} is required.`, 'INPUT_REQUIRED');
    return undefined;
  }
  if (typeof value !== 'string') throw invalidInput(`${name} must be a string.`);
  if (value.length < min) throw invalidInput(`You provided a value lower than the minimum length allowed for ${name} (${min}).`, 'MIN_LENGTH_EXCEEDED');
  if (value.length > max) throw invalidInput(`You provided a value higher than the maximum length allowed for ${name} (${max}).`, 'MAX_LENGTH_EXCEEDED');
  if (!pattern.test(value)) throw invalidInput(`You provided a value for ${name} that does not match the required pattern ${pattern.source}.`, 'INVALID_PATTERN');
  return value;
}

function statusJson(request: CreateAccountRequestRecord, reportState: 'IN_PROGRESS' | CreateAccountRequestRecord['state'] = request.state): Record<string, unknown> {
  const done = reportState !== 'IN_PROGRESS';
  return {
    Id: request.id,
    AccountName: request.accountName,
    State: reportState,
    // awsJson protocols carry timestamps as epoch seconds.
    RequestedTimestamp: Date.parse(request.requestedAt) / 1000,
    ...(done ? { CompletedTimestamp: Date.parse(request.completedAt) / 1000 } : {}),
    ...(done && request.accountId !== undefined ? { AccountId: request.accountId } : {}),
    ...(done && request.failureReason !== undefined ? { FailureReason: request.failureReason } : {}),
  };
}

/**
 * CreateAccount from the management account. The account exists at once, with a root key in
 * the credentials file and the access role (OrganizationAccountAccessRole by default) that the
 * management account may assume; as AWS does, the answer is IN_PROGRESS and the outcome is read
 * with DescribeCreateAccountStatus. An email already in use fails the request, not the call.
 */
export const createAccountAction: JsonAction = async (context: JsonContext) => {
  const organization = authorizeOrganizations(context, 'CreateAccount', true);
  const { body, runtime, now } = context;
  const email = readString(body, 'Email', EMAIL, 6, 64, true);
  const accountName = readString(body, 'AccountName', ACCOUNT_NAME, 1, 50, true);
  const roleName = readString(body, 'RoleName', ROLE_NAME, 1, 64, false) ?? DEFAULT_ROLE_NAME;
  const billing = body['IamUserAccessToBilling'];
  if (billing !== undefined && billing !== 'ALLOW' && billing !== 'DENY') throw invalidInput('IamUserAccessToBilling must be ALLOW or DENY.');

  const request: CreateAccountRequestRecord = {
    id: newCreateAccountRequestId(),
    accountName,
    state: 'SUCCEEDED',
    requestedAt: now.toISOString(),
    completedAt: now.toISOString(),
  };
  const store = runtime.store;
  if (store.state.accounts.some((a) => a.email.toLowerCase() === email.toLowerCase())) {
    request.state = 'FAILED';
    request.failureReason = 'EMAIL_ALREADY_EXISTS';
  } else {
    const { account } = await addAccount(store, { name: accountName, email }, now);
    request.accountId = account.id;
    const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${organization.managementAccountId}:root` }, Action: 'sts:AssumeRole' }] };
    await createRole(store, account.id, new Map([['RoleName', roleName], ['AssumeRolePolicyDocument', JSON.stringify(trust)]]), now);
    const administrator = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };
    await putRolePolicy(store, account.id, new Map([['RoleName', roleName], ['PolicyName', 'AdministratorAccess'], ['PolicyDocument', JSON.stringify(administrator)]]));
  }
  await store.mutate((state) => {
    state.createAccountRequests.push(request);
  });
  return { CreateAccountStatus: statusJson(request, 'IN_PROGRESS') };
};

export const describeCreateAccountStatusAction: JsonAction = async (context: JsonContext) => {
  authorizeOrganizations(context, 'DescribeCreateAccountStatus', true);
  const id = context.body['CreateAccountRequestId'];
  if (typeof id !== 'string' || !REQUEST_ID.test(id)) {
    throw invalidInput(`You provided a value for CreateAccountRequestId that does not match the required pattern ${REQUEST_ID.source}.`, 'INVALID_PATTERN');
  }
  const request = context.runtime.store.state.createAccountRequests.find((r) => r.id === id);
  if (request === undefined) {
    throw new AwsServiceError('CreateAccountStatusNotFoundException', `We can't find a create account request with the ID ${id}.`, 400);
  }
  return { CreateAccountStatus: statusJson(request) };
};
