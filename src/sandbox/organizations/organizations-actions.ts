import type { AccountRecord, OrganizationRecord } from '../state/state-types.ts';
import { AwsServiceError } from '../errors/aws-service-error.ts';
import { createAccountAction, describeCreateAccountStatusAction } from './create-account-actions.ts';
import { authorizeOrganizations as authorize, invalidInput, type JsonAction } from './organizations-access.ts';

const accountArn = (o: OrganizationRecord, accountId: string) =>
  `arn:aws:organizations::${o.managementAccountId}:account/${o.id}/${accountId}`;

function accountJson(o: OrganizationRecord, account: AccountRecord): Record<string, unknown> {
  return {
    Id: account.id,
    Arn: accountArn(o, account.id),
    Email: account.email,
    Name: account.name,
    Status: 'ACTIVE',
    State: 'ACTIVE',
    JoinedMethod: account.id === o.managementAccountId ? 'INVITED' : 'CREATED',
    // awsJson protocols carry timestamps as epoch seconds.
    JoinedTimestamp: Date.parse(account.createdAt) / 1000,
  };
}

function readMaxResults(body: Record<string, unknown>): number {
  const value = body['MaxResults'];
  if (value === undefined) return 20;
  if (typeof value !== 'number' || !Number.isInteger(value)) throw invalidInput('MaxResults must be an integer.');
  if (value < 1) throw invalidInput('You provided a value lower than the minimum allowed for MaxResults (1).', 'MIN_VALUE_EXCEEDED');
  if (value > 20) throw invalidInput('You provided a value higher than the maximum allowed for MaxResults (20).', 'MAX_VALUE_EXCEEDED');
  return value;
}

function readNextToken(body: Record<string, unknown>): string | undefined {
  const token = body['NextToken'];
  if (token === undefined) return undefined;
  if (typeof token === 'string') {
    const match = /^acct-(\d{12})$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
    if (match !== null) return match[1];
  }
  throw invalidInput('The NextToken you provided is not valid.', 'INVALID_PAGINATION_TOKEN');
}

export const listAccountsAction: JsonAction = async (context) => {
  const organization = authorize(context, 'ListAccounts', true);
  const maxResults = readMaxResults(context.body);
  const after = readNextToken(context.body);
  const remaining = [...context.runtime.store.state.accounts]
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .filter((a) => after === undefined || a.id > after);
  const page = remaining.slice(0, maxResults);
  const last = page[page.length - 1];
  return {
    Accounts: page.map((a) => accountJson(organization, a)),
    ...(remaining.length > maxResults && last !== undefined
      ? { NextToken: Buffer.from(`acct-${last.id}`, 'utf8').toString('base64url') }
      : {}),
  };
};

export const describeAccountAction: JsonAction = async (context) => {
  const organization = authorize(context, 'DescribeAccount', true);
  const id = context.body['AccountId'];
  if (typeof id !== 'string' || !/^\d{12}$/.test(id)) {
    throw invalidInput('You provided a value that does not match the required pattern.', 'INVALID_PATTERN');
  }
  const account = context.runtime.store.state.accounts.find((a) => a.id === id);
  if (account === undefined) {
    throw new AwsServiceError('AccountNotFoundException', "You specified an account that doesn't exist.", 400);
  }
  return { Account: accountJson(organization, account) };
};

export const describeOrganizationAction: JsonAction = async (context) => {
  const organization = authorize(context, 'DescribeOrganization', false);
  const management = context.runtime.store.state.accounts.find((a) => a.id === organization.managementAccountId);
  return {
    Organization: {
      Id: organization.id,
      Arn: `arn:aws:organizations::${organization.managementAccountId}:organization/${organization.id}`,
      FeatureSet: 'ALL',
      MasterAccountArn: accountArn(organization, organization.managementAccountId),
      MasterAccountId: organization.managementAccountId,
      MasterAccountEmail: management?.email ?? '',
      AvailablePolicyTypes: [],
    },
  };
};

export const listRootsAction: JsonAction = async (context) => {
  const organization = authorize(context, 'ListRoots', true);
  readMaxResults(context.body);
  return {
    Roots: [
      {
        Id: organization.rootId,
        Arn: `arn:aws:organizations::${organization.managementAccountId}:root/${organization.id}/${organization.rootId}`,
        Name: 'Root',
        PolicyTypes: [],
      },
    ],
  };
};

export const ORGANIZATIONS_ACTIONS: Readonly<Record<string, JsonAction>> = {
  CreateAccount: createAccountAction,
  DescribeCreateAccountStatus: describeCreateAccountStatusAction,
  ListAccounts: listAccountsAction,
  DescribeAccount: describeAccountAction,
  DescribeOrganization: describeOrganizationAction,
  ListRoots: listRootsAction,
};
