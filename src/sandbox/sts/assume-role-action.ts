import { authorizeAction, requestContext } from '../auth/authorize-action.ts';
import { accessDenied, validationError } from '../errors/aws-service-error.ts';
import { findRole } from '../iam/find-account.ts';
import { ParamReader } from '../protocol/param-reader.ts';
import { requireCaller, type QueryAction } from '../protocol/query-context.ts';
import { evaluateTrustPolicy } from './evaluate-trust-policy.ts';
import { issueSession, sessionXml } from './issue-session.ts';
import { DURATION, EXTERNAL_ID, parseRoleArn, ROLE_ARN, ROLE_SESSION_NAME } from './sts-names.ts';

// IAM User Guide, "Role chaining": a session assumed with role credentials lasts at most one hour.
const ROLE_CHAINING_LIMIT_SECONDS = 3600;

/**
 * AssumeRole: the role's trust policy must allow the caller (with `sts:ExternalId` in the
 * condition context when given). Across accounts, or when the trust policy only trusts the
 * caller's account, the caller's own identity policy must allow `sts:AssumeRole` too.
 * A missing role is reported like a refused one, so ARNs cannot be probed.
 */
export const assumeRoleAction: QueryAction = async (context) => {
  const caller = requireCaller(context);
  const p = new ParamReader(context.params);
  const roleArnText = p.string('RoleArn', ROLE_ARN);
  const roleSessionName = p.string('RoleSessionName', ROLE_SESSION_NAME);
  const durationSeconds = p.integer('DurationSeconds', DURATION) ?? 3600;
  const externalId = p.string('ExternalId', EXTERNAL_ID);
  p.string('Policy', { min: 1, max: 2048 });
  p.done();
  for (const unsupported of ['Policy', 'PolicyArns.member.1', 'Tags.member.1.Key', 'SourceIdentity', 'SerialNumber']) {
    if (context.params.has(unsupported)) {
      throw validationError(`The rolegate sandbox does not support '${unsupported.split('.')[0]}' in AssumeRole`);
    }
  }

  const denied = () =>
    accessDenied(`User: ${caller.arn} is not authorized to perform: sts:AssumeRole on resource: ${roleArnText}`);
  const target = parseRoleArn(roleArnText);
  if (target === undefined) throw validationError(`${roleArnText} is invalid`);
  const role = findRole(context.runtime.store, target.accountId, target.roleName);
  if (role === undefined || role.arn !== roleArnText) throw denied();

  const trustContext: Record<string, string> = {
    ...requestContext(caller, context.now),
    'sts:RoleSessionName': roleSessionName,
    ...(externalId === undefined ? {} : { 'sts:ExternalId': externalId }),
  };
  const trust = evaluateTrustPolicy(role, caller, trustContext);
  if (trust === 'denied') throw denied();
  if (trust === 'account' || caller.accountId !== role.accountId) {
    try {
      authorizeAction(caller, context.runtime.store, { action: 'sts:AssumeRole', resource: role.arn }, context.now);
    } catch {
      throw denied();
    }
  }

  if (durationSeconds > role.maxSessionDuration) {
    throw validationError('The requested DurationSeconds exceeds the MaxSessionDuration set for this role.');
  }
  if (caller.kind === 'assumed-role' && durationSeconds > ROLE_CHAINING_LIMIT_SECONDS) {
    throw validationError('The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.');
  }
  const session = await issueSession(context.runtime.store, {
    role,
    roleSessionName,
    expiration: new Date(context.now.getTime() + durationSeconds * 1000),
    issuedBy: 'AssumeRole',
  });
  return sessionXml(session);
};
