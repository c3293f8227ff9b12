import { requireCaller, type QueryAction } from '../protocol/query-context.ts';

// GetCallerIdentity needs no permission: AWS answers it even when every action is denied.
export const getCallerIdentityAction: QueryAction = async (context) => {
  const caller = requireCaller(context);
  return { UserId: caller.userId, Account: caller.accountId, Arn: caller.arn };
};
