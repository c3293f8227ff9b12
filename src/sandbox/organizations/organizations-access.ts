import { authorizeAction } from '../auth/authorize-action.ts';
import type { Caller } from '../auth/caller.ts';
import { AwsServiceError } from '../errors/aws-service-error.ts';
import type { SandboxRuntime } from '../protocol/query-context.ts';
import type { OrganizationRecord } from '../state/state-types.ts';

export interface JsonContext {
  body: Record<string, unknown>;
  caller: Caller;
  runtime: SandboxRuntime;
  now: Date;
}

export type JsonAction = (context: JsonContext) => Promise<Record<string, unknown>>;

export const invalidInput = (message: string, reason = 'INVALID_INPUT'): AwsServiceError => {
  const error = new AwsServiceError('InvalidInputException', message, 400);
  (error as AwsServiceError & { reason?: string }).reason = reason;
  return error;
};

function organizationFor(context: JsonContext): OrganizationRecord {
  const organization = context.runtime.store.state.organization;
  if (organization === undefined) {
    throw new AwsServiceError('AWSOrganizationsNotInUseException', 'Your account is not a member of an organization.', 400);
  }
  return organization;
}

/**
 * Every sandbox account belongs to the one organization. Listing and describing accounts is
 * for the management account only (AWS also allows delegated administrators; not modelled),
 * and its users and roles need `organizations:<Action>` in their own policies.
 */
export function authorizeOrganizations(context: JsonContext, action: string, managementOnly: boolean): OrganizationRecord {
  const organization = organizationFor(context);
  if (managementOnly && context.caller.accountId !== organization.managementAccountId) {
    throw new AwsServiceError('AccessDeniedException', "You don't have permissions to access this resource.", 400);
  }
  try {
    authorizeAction(context.caller, context.runtime.store, { action: `organizations:${action}`, resource: '*' }, context.now);
  } catch (error) {
    if (error instanceof AwsServiceError && error.code === 'AccessDenied') {
      throw new AwsServiceError('AccessDeniedException', error.message, 400);
    }
    throw error;
  }
  return organization;
}
