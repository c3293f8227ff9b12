/**
 * The sandbox's persisted state: plain JSON, written to `<dataDir>/sandbox/state.json`.
 * It holds secret access keys and session tokens in clear (SigV4 needs the secret itself
 * to recompute the HMAC), so the file is written with mode 0600 in a 0700 directory.
 * Timestamps are ISO-8601 strings in UTC.
 */
export interface AccountRecord {
  id: string;
  name: string;
  email: string;
  alias?: string;
  /** Roles this account may hold (IAM's default quota is 1,000). */
  roleLimit: number;
  createdAt: string;
}

export interface AccessKeyRecord {
  accessKeyId: string;
  secretAccessKey: string;
  accountId: string;
  /** Absent for the account root's key. */
  userName?: string;
  status: 'Active' | 'Inactive';
  createdAt: string;
}

export interface UserRecord {
  accountId: string;
  userName: string;
  userId: string;
  path: string;
  arn: string;
  createdAt: string;
  /** Inline identity policies by name, as JSON text. */
  inlinePolicies: Record<string, string>;
}

export interface TagRecord {
  Key: string;
  Value: string;
}

export interface RoleRecord {
  accountId: string;
  roleName: string;
  roleId: string;
  path: string;
  arn: string;
  trustPolicyJson: string;
  description?: string;
  maxSessionDuration: number;
  createdAt: string;
  tags: TagRecord[];
  inlinePolicies: Record<string, string>;
}

export interface SamlProviderRecord {
  arn: string;
  accountId: string;
  name: string;
  metadataXml: string;
  entityId: string;
  signingCertificatesPem: string[];
  createdAt: string;
  validUntil: string;
  tags: TagRecord[];
}

/** Temporary credentials issued by AssumeRole or AssumeRoleWithSAML. */
export interface SessionRecord {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  accountId: string;
  roleArn: string;
  roleName: string;
  roleId: string;
  roleSessionName: string;
  assumedRoleArn: string;
  expiration: string;
  issuedBy: 'AssumeRole' | 'AssumeRoleWithSAML';
  sourceIdentity?: string;
  principalTags?: Record<string, string>;
}

export interface OrganizationRecord {
  id: string;
  rootId: string;
  managementAccountId: string;
  createdAt: string;
}

/** An Organizations CreateAccount request and how it ended. */
export interface CreateAccountRequestRecord {
  id: string;
  accountName: string;
  state: 'SUCCEEDED' | 'FAILED';
  requestedAt: string;
  completedAt: string;
  accountId?: string;
  failureReason?: 'EMAIL_ALREADY_EXISTS';
}

export interface SandboxState {
  version: 1;
  organization?: OrganizationRecord;
  createAccountRequests: CreateAccountRequestRecord[];
  accounts: AccountRecord[];
  accessKeys: AccessKeyRecord[];
  users: UserRecord[];
  roles: RoleRecord[];
  samlProviders: SamlProviderRecord[];
  sessions: SessionRecord[];
}

export const emptyState = (): SandboxState => ({
  version: 1,
  createAccountRequests: [],
  accounts: [],
  accessKeys: [],
  users: [],
  roles: [],
  samlProviders: [],
  sessions: [],
});
