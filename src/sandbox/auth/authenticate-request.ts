import { timingSafeEqual } from 'node:crypto';
import { AwsServiceError } from '../errors/aws-service-error.ts';
import {
  checkSignature,
  checkSignatureTime,
  readSigV4Claim,
  signatureDoesNotMatch,
  type IncomingSignedRequest,
} from '../sigv4/verify-sigv4-request.ts';
import type { SandboxStore } from '../state/sandbox-store.ts';
import { rootArn, type Caller } from './caller.ts';

export const missingAuthenticationToken = (): AwsServiceError =>
  new AwsServiceError('MissingAuthenticationToken', 'Request is missing Authentication Token', 403);
export const invalidClientTokenId = (): AwsServiceError =>
  new AwsServiceError('InvalidClientTokenId', 'The security token included in the request is invalid.', 403);
export const expiredToken = (): AwsServiceError =>
  new AwsServiceError('ExpiredToken', 'The security token included in the request is expired', 400);

/**
 * Resolves the caller of a SigV4-signed request. Order: the key must exist (and its session
 * token match and be unexpired), then the signing time must be within 15 minutes, then the
 * signature must verify with the key's secret.
 */
export function authenticateRequest(
  request: IncomingSignedRequest,
  store: SandboxStore,
  expectedService: string,
  now: Date,
): Caller {
  const claim = readSigV4Claim(request);
  if (claim === undefined) throw missingAuthenticationToken();
  if (claim.service !== expectedService) {
    throw signatureDoesNotMatch(`Credential should be scoped to correct service: '${expectedService}'. `);
  }
  const resolved = resolveKey(store, claim.accessKeyId, claim.securityToken, now);
  checkSignatureTime(claim, now);
  checkSignature(request, claim, resolved.secretAccessKey);
  return resolved.caller;
}

function resolveKey(
  store: SandboxStore,
  accessKeyId: string,
  securityToken: string | undefined,
  now: Date,
): { caller: Caller; secretAccessKey: string } {
  const key = store.findAccessKey(accessKeyId);
  if (key !== undefined) {
    // A session token next to a long-term key means the client mixed up credentials.
    if (key.status !== 'Active' || securityToken !== undefined) throw invalidClientTokenId();
    if (key.userName === undefined) {
      return {
        secretAccessKey: key.secretAccessKey,
        caller: { kind: 'root', accountId: key.accountId, arn: rootArn(key.accountId), userId: key.accountId, accessKeyId },
      };
    }
    const user = store.state.users.find((u) => u.accountId === key.accountId && u.userName === key.userName);
    if (user === undefined) throw invalidClientTokenId();
    return {
      secretAccessKey: key.secretAccessKey,
      caller: { kind: 'user', accountId: user.accountId, arn: user.arn, userId: user.userId, userName: user.userName, accessKeyId },
    };
  }
  const session = store.findSession(accessKeyId);
  if (session === undefined || securityToken === undefined || !sameText(securityToken, session.sessionToken)) {
    throw invalidClientTokenId();
  }
  if (Date.parse(session.expiration) <= now.getTime()) throw expiredToken();
  return {
    secretAccessKey: session.secretAccessKey,
    caller: {
      kind: 'assumed-role',
      accountId: session.accountId,
      arn: session.assumedRoleArn,
      userId: `${session.roleId}:${session.roleSessionName}`,
      roleArn: session.roleArn,
      roleName: session.roleName,
      roleSessionName: session.roleSessionName,
      accessKeyId,
      principalTags: session.principalTags ?? {},
    },
  };
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}
