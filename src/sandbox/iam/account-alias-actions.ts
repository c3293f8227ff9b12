import { authorizeAction } from '../auth/authorize-action.ts';
import { entityAlreadyExists, noSuchEntity } from '../errors/aws-service-error.ts';
import { ParamReader } from '../protocol/param-reader.ts';
import { requireCaller, type QueryAction, type QueryContext } from '../protocol/query-context.ts';
import type { SandboxStore } from '../state/sandbox-store.ts';
import { findAccount } from './find-account.ts';
import { ACCOUNT_ALIAS } from './iam-names.ts';

function authorizeAlias(context: QueryContext, action: string): string {
  const caller = requireCaller(context);
  authorizeAction(caller, context.runtime.store, { action: `iam:${action}`, resource: '*' }, context.now);
  return caller.accountId;
}

/**
 * An account has at most one alias, and aliases are unique across accounts. Creating an
 * alias for an account that has one replaces it, as IAM does.
 */
export async function createAccountAlias(store: SandboxStore, accountId: string, params: ReadonlyMap<string, string>): Promise<void> {
  const p = new ParamReader(params);
  const alias = p.string('AccountAlias', ACCOUNT_ALIAS);
  p.done();
  const account = findAccount(store, accountId);
  if (store.state.accounts.some((a) => a.alias === alias && a.id !== accountId)) {
    throw entityAlreadyExists(`The account alias ${alias} already exists.`);
  }
  if (account.alias === alias) return;
  await store.mutate(() => {
    account.alias = alias;
  });
}

export const createAccountAliasAction: QueryAction = async (context) => {
  await createAccountAlias(context.runtime.store, authorizeAlias(context, 'CreateAccountAlias'), context.params);
  return undefined;
};

export const deleteAccountAliasAction: QueryAction = async (context) => {
  const accountId = authorizeAlias(context, 'DeleteAccountAlias');
  const p = new ParamReader(context.params);
  const alias = p.string('AccountAlias', ACCOUNT_ALIAS);
  p.done();
  const account = findAccount(context.runtime.store, accountId);
  if (account.alias !== alias) throw noSuchEntity(`The account alias ${alias} cannot be found.`);
  await context.runtime.store.mutate(() => {
    delete account.alias;
  });
  return undefined;
};

export const listAccountAliasesAction: QueryAction = async (context) => {
  const accountId = authorizeAlias(context, 'ListAccountAliases');
  const p = new ParamReader(context.params);
  p.integer('MaxItems', { min: 1, max: 1000 });
  p.done();
  const account = findAccount(context.runtime.store, accountId);
  return { AccountAliases: account.alias === undefined ? [] : [account.alias], IsTruncated: false };
};
