import { RolegateError } from '../../errors/rolegate-error.ts';
import { createAccountAlias } from '../iam/account-alias-actions.ts';
import { createAccessKey } from '../iam/user-operations.ts';
import { newAccountId, newOrganizationId, newRootId } from '../state/generate-ids.ts';
import type { SandboxStore } from '../state/sandbox-store.ts';
import type { AccessKeyRecord, AccountRecord } from '../state/state-types.ts';

export interface AddAccountInput {
  id?: string;
  alias?: string;
  name?: string;
  email?: string;
  roleLimit?: number;
}

const ACCOUNT_ALIAS = /^[a-z0-9]([a-z0-9]|-(?!-)){1,61}[a-z0-9]$/;
const DEFAULT_ROLE_LIMIT = 1000;

/**
 * Adds an account to the sandbox's one organization (the first account becomes its management
 * account), with a root access key, which lands in the shared-credentials file. Used by the
 * config file, the in-process admin and Organizations CreateAccount.
 */
export async function addAccount(store: SandboxStore, input: AddAccountInput, now: Date): Promise<{ account: AccountRecord; rootKey: AccessKeyRecord }> {
  const id = input.id ?? uniqueAccountId(store);
  if (!/^\d{12}$/.test(id)) throw new RolegateError('ERR_VALIDATION', 'account id must be 12 digits', { field: 'id' });
  if (store.state.accounts.some((a) => a.id === id)) throw new RolegateError('ERR_CONFLICT', `account ${id} already exists`);
  if (input.alias !== undefined && !ACCOUNT_ALIAS.test(input.alias)) {
    throw new RolegateError('ERR_VALIDATION', `alias must match ${ACCOUNT_ALIAS.source}`, { field: 'alias' });
  }
  const account: AccountRecord = {
    id,
    name: input.name ?? `Sandbox account ${id}`,
    email: input.email ?? `aws+${id}@sandbox.rolegate.invalid`,
    roleLimit: input.roleLimit ?? DEFAULT_ROLE_LIMIT,
    createdAt: now.toISOString(),
  };
  await store.mutate((state) => {
    state.accounts.push(account);
    state.organization ??= { id: newOrganizationId(), rootId: newRootId(), managementAccountId: id, createdAt: account.createdAt };
  });
  if (input.alias !== undefined) await createAccountAlias(store, id, new Map([['AccountAlias', input.alias]]));
  const rootKey = await createAccessKey(store, id, undefined, now);
  return { account, rootKey };
}

function uniqueAccountId(store: SandboxStore): string {
  for (;;) {
    const id = newAccountId();
    if (!store.state.accounts.some((a) => a.id === id)) return id;
  }
}
