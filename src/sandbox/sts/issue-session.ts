import { newSecretAccessKey, newSessionToken, newTemporaryAccessKeyId } from '../state/generate-ids.ts';
import type { SandboxStore } from '../state/sandbox-store.ts';
import type { RoleRecord, SessionRecord } from '../state/state-types.ts';
import type { XmlObject } from '../protocol/write-query-xml.ts';

export interface SessionRequest {
  role: RoleRecord;
  roleSessionName: string;
  expiration: Date;
  issuedBy: SessionRecord['issuedBy'];
  sourceIdentity?: string;
  principalTags?: Record<string, string>;
}

export const assumedRoleArn = (role: RoleRecord, sessionName: string): string =>
  `arn:aws:sts::${role.accountId}:assumed-role/${role.roleName}/${sessionName}`;

/** Issues and persists temporary credentials; they survive restarts until they expire. */
export async function issueSession(store: SandboxStore, request: SessionRequest): Promise<SessionRecord> {
  const session: SessionRecord = {
    accessKeyId: newTemporaryAccessKeyId(),
    secretAccessKey: newSecretAccessKey(),
    sessionToken: newSessionToken(),
    accountId: request.role.accountId,
    roleArn: request.role.arn,
    roleName: request.role.roleName,
    roleId: request.role.roleId,
    roleSessionName: request.roleSessionName,
    assumedRoleArn: assumedRoleArn(request.role, request.roleSessionName),
    expiration: request.expiration.toISOString(),
    issuedBy: request.issuedBy,
    ...(request.sourceIdentity === undefined ? {} : { sourceIdentity: request.sourceIdentity }),
    ...(request.principalTags === undefined ? {} : { principalTags: request.principalTags }),
  };
  await store.mutate((state) => {
    state.sessions.push(session);
  });
  return session;
}

export function sessionXml(session: SessionRecord): { Credentials: XmlObject; AssumedRoleUser: XmlObject } {
  return {
    Credentials: {
      AccessKeyId: session.accessKeyId,
      SecretAccessKey: session.secretAccessKey,
      SessionToken: session.sessionToken,
      Expiration: new Date(session.expiration),
    },
    AssumedRoleUser: {
      AssumedRoleId: `${session.roleId}:${session.roleSessionName}`,
      Arn: session.assumedRoleArn,
    },
  };
}
