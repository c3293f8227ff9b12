import type { QueryActionTable } from '../protocol/query-context.ts';
import { assumeRoleAction } from './assume-role-action.ts';
import { assumeRoleWithSamlAction } from './assume-role-with-saml-action.ts';
import { getCallerIdentityAction } from './get-caller-identity-action.ts';

/** STS (Version 2011-06-15) actions; AssumeRoleWithSAML is called without a signature. */
export const STS_ACTIONS: QueryActionTable = {
  GetCallerIdentity: { run: getCallerIdentityAction },
  AssumeRole: { run: assumeRoleAction },
  AssumeRoleWithSAML: { run: assumeRoleWithSamlAction, unsigned: true },
};
