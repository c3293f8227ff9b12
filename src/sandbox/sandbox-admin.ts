import { RolegateError } from '../errors/rolegate-error.ts';
import { createAccountAlias } from './iam/account-alias-actions.ts';
import { putRolePolicy, createRole, updateAssumeRolePolicy } from './iam/role-operations.ts';
import { createSamlProvider, updateSamlProvider } from './iam/saml-provider-operations.ts';
import { createAccessKey, createUser, putUserPolicy } from './iam/user-operations.ts';
import { addAccount, type AddAccountInput } from './organizations/add-account.ts';
import type { SandboxStore } from './state/sandbox-store.ts';

export type CreateAccountInput = AddAccountInput;

export interface CreatedAccount {
  id: string;
  alias: string | undefined;
  accessKeyId: string;
  secretAccessKey: string;
}

export interface AccountSummary {
  id: string;
  alias: string | undefined;
  name: string;
  email: string;
  accessKeyId: string | undefined;
  isManagementAccount: boolean;
}

export interface CreateRoleInput {
  roleName: string;
  trustPolicyJson: string;
  maxSessionDuration?: number;
  description?: string;
  path?: string;
  /** Inline policies by name (PutRolePolicy): what sessions of this role may do. */
  inlinePolicies?: Record<string, string>;
}

export interface CreatedUser {
  arn: string;
  accessKeyId: string;
  secretAccessKey: string;
}

/**
 * In-process administration for `rolegate demo` and tests. Every call goes through the same
 * validation as the wire API and throws its `AwsServiceError` (e.g. `EntityAlreadyExists`).
 */
export interface SandboxAdmin {
  readonly credentialsFilePath: string;
  createAccount(input?: CreateAccountInput): Promise<CreatedAccount>;
  listAccounts(): AccountSummary[];
  /** Sets (or replaces) the account's alias, as IAM CreateAccountAlias. */
  createAccountAlias(accountId: string, alias: string): Promise<void>;
  /** The account root's key, as in the credentials file. */
  getRootCredentials(accountId: string): { accessKeyId: string; secretAccessKey: string };
  createSamlProvider(accountId: string, name: string, metadataXml: string): Promise<string>;
  updateSamlProvider(arn: string, metadataXml: string): Promise<void>;
  createRole(accountId: string, input: CreateRoleInput): Promise<string>;
  /** Replaces a role's trust policy, as IAM UpdateAssumeRolePolicy. */
  updateAssumeRolePolicy(accountId: string, roleName: string, trustPolicyJson: string): Promise<void>;
  createUser(accountId: string, userName: string, inlinePolicies?: Record<string, string>): Promise<CreatedUser>;
}

export function createSandboxAdmin(store: SandboxStore, now: () => Date): SandboxAdmin {
  const rootKey = (accountId: string) => {
    const key = store.state.accessKeys.find((k) => k.accountId === accountId && k.userName === undefined && k.status === 'Active');
    if (key === undefined) throw new RolegateError('ERR_NOT_FOUND', `account ${accountId} has no root key`);
    return key;
  };
  return {
    credentialsFilePath: store.paths.credentialsPath,

    async createAccount(input = {}) {
      const { account, rootKey } = await addAccount(store, input, now());
      return { id: account.id, alias: input.alias, accessKeyId: rootKey.accessKeyId, secretAccessKey: rootKey.secretAccessKey };
    },

    listAccounts() {
      return store.state.accounts.map((a) => ({
        id: a.id,
        alias: a.alias,
        name: a.name,
        email: a.email,
        accessKeyId: store.state.accessKeys.find((k) => k.accountId === a.id && k.userName === undefined)?.accessKeyId,
        isManagementAccount: store.state.organization?.managementAccountId === a.id,
      }));
    },

    async createAccountAlias(accountId, alias) {
      await createAccountAlias(store, accountId, new Map([['AccountAlias', alias]]));
    },

    getRootCredentials(accountId) {
      const key = rootKey(accountId);
      return { accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey };
    },

    async createSamlProvider(accountId, name, metadataXml) {
      const provider = await createSamlProvider(store, accountId, new Map([['Name', name], ['SAMLMetadataDocument', metadataXml]]), now());
      return provider.arn;
    },

    async updateSamlProvider(arn, metadataXml) {
      const accountId = /^arn:aws:iam::(\d{12}):saml-provider\//.exec(arn)?.[1];
      if (accountId === undefined) throw new RolegateError('ERR_VALIDATION', `not a SAML provider ARN: ${arn}`);
      await updateSamlProvider(store, accountId, new Map([['SAMLProviderArn', arn], ['SAMLMetadataDocument', metadataXml]]));
    },

    async createRole(accountId, input) {
      const params = new Map<string, string>([
        ['RoleName', input.roleName],
        ['AssumeRolePolicyDocument', input.trustPolicyJson],
      ]);
      if (input.maxSessionDuration !== undefined) params.set('MaxSessionDuration', String(input.maxSessionDuration));
      if (input.description !== undefined) params.set('Description', input.description);
      if (input.path !== undefined) params.set('Path', input.path);
      const role = await createRole(store, accountId, params, now());
      for (const [policyName, json] of Object.entries(input.inlinePolicies ?? {})) {
        await putRolePolicy(store, accountId, new Map([['RoleName', role.roleName], ['PolicyName', policyName], ['PolicyDocument', json]]));
      }
      return role.arn;
    },

    async updateAssumeRolePolicy(accountId, roleName, trustPolicyJson) {
      await updateAssumeRolePolicy(store, accountId, new Map([['RoleName', roleName], ['PolicyDocument', trustPolicyJson]]));
    },

    async createUser(accountId, userName, inlinePolicies = {}) {
      const user = await createUser(store, accountId, new Map([['UserName', userName]]), now());
      for (const [policyName, json] of Object.entries(inlinePolicies)) {
        await putUserPolicy(store, accountId, new Map([['UserName', userName], ['PolicyName', policyName], ['PolicyDocument', json]]));
      }
      const key = await createAccessKey(store, accountId, userName, now());
      return { arn: user.arn, accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey };
    },
  };
}
