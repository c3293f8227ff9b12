import type { QueryActionTable } from '../protocol/query-context.ts';
import { createAccountAliasAction, deleteAccountAliasAction, listAccountAliasesAction } from './account-alias-actions.ts';
import {
  createRoleAction,
  deleteRoleAction,
  deleteRolePolicyAction,
  getRoleAction,
  getRolePolicyAction,
  listRolePoliciesAction,
  listRolesAction,
  putRolePolicyAction,
  updateAssumeRolePolicyAction,
  updateRoleAction,
} from './role-actions.ts';
import {
  createSamlProviderAction,
  deleteSamlProviderAction,
  getSamlProviderAction,
  listSamlProvidersAction,
  updateSamlProviderAction,
} from './saml-provider-actions.ts';
import {
  createAccessKeyAction,
  createUserAction,
  deleteAccessKeyAction,
  deleteUserAction,
  deleteUserPolicyAction,
  getUserAction,
  listAccessKeysAction,
  listUsersAction,
  putUserPolicyAction,
} from './user-actions.ts';

/** IAM (Version 2010-05-08) actions the sandbox implements; anything else is `InvalidAction`. */
export const IAM_ACTIONS: QueryActionTable = {
  CreateSAMLProvider: { run: createSamlProviderAction },
  UpdateSAMLProvider: { run: updateSamlProviderAction },
  GetSAMLProvider: { run: getSamlProviderAction },
  ListSAMLProviders: { run: listSamlProvidersAction },
  DeleteSAMLProvider: { run: deleteSamlProviderAction },
  CreateRole: { run: createRoleAction },
  GetRole: { run: getRoleAction },
  UpdateRole: { run: updateRoleAction },
  UpdateAssumeRolePolicy: { run: updateAssumeRolePolicyAction },
  DeleteRole: { run: deleteRoleAction },
  ListRoles: { run: listRolesAction },
  PutRolePolicy: { run: putRolePolicyAction },
  GetRolePolicy: { run: getRolePolicyAction },
  DeleteRolePolicy: { run: deleteRolePolicyAction },
  ListRolePolicies: { run: listRolePoliciesAction },
  CreateAccountAlias: { run: createAccountAliasAction },
  DeleteAccountAlias: { run: deleteAccountAliasAction },
  ListAccountAliases: { run: listAccountAliasesAction },
  CreateUser: { run: createUserAction },
  GetUser: { run: getUserAction },
  ListUsers: { run: listUsersAction },
  DeleteUser: { run: deleteUserAction },
  CreateAccessKey: { run: createAccessKeyAction },
  ListAccessKeys: { run: listAccessKeysAction },
  DeleteAccessKey: { run: deleteAccessKeyAction },
  PutUserPolicy: { run: putUserPolicyAction },
  DeleteUserPolicy: { run: deleteUserPolicyAction },
};
