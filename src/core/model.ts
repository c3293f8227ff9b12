/**
 * The directory and application model. Plain data: no behaviour, no storage details.
 * Timestamps are ISO-8601 strings in UTC; ids come from `newId()`.
 */

export interface User {
  id: string;
  userPrincipalName: string;
  displayName: string;
  mail: string | null;
  enabled: boolean;
  /** Free-form attributes (department, jobTitle, ...) that claims can use. */
  attributes: Record<string, string>;
  createdAt: string;
  updatedAt: string;
}

export interface Group {
  id: string;
  displayName: string;
  description: string | null;
  createdAt: string;
  updatedAt: string;
}

export type PrincipalType = 'user' | 'group';

export interface GroupMembership {
  groupId: string;
  memberId: string;
  memberType: PrincipalType;
  createdAt: string;
}

export type AppTemplateId = 'aws' | 'generic-saml';
export type SigningScope = 'assertion' | 'response' | 'both';
export type SigningAlgorithm = 'rsa-sha256' | 'rsa-sha1';
export type NameIdFormat = 'persistent' | 'transient' | 'emailAddress' | 'unspecified';

/**
 * Where a claim value comes from:
 * - `attribute`: a user field (`userPrincipalName`, `displayName`, `mail`, `id`) or a
 *   free-form attribute by its key (`department`);
 * - `roles`: the values of every app role assigned to the user, directly or through groups;
 * - `constant`: a fixed value;
 * - `sessionDuration`: the app's `sessionDuration` setting (omitted when unset).
 */
export type ClaimSource =
  | { type: 'attribute'; attribute: string }
  | { type: 'roles' }
  | { type: 'constant'; value: string }
  | { type: 'sessionDuration' };

export interface Claim {
  /** Kept exactly as written: SAML attribute names are case-sensitive. */
  name: string;
  /** Prepended with a `/` to form the attribute Name; null for a bare name. */
  namespace: string | null;
  source: ClaimSource;
}

export interface App {
  id: string;
  template: AppTemplateId;
  displayName: string;
  enabled: boolean;
  visibleInMyApps: boolean;
  /** The IdP's entity ID for this app: the Issuer of every response and the metadata entityID. */
  idpEntityId: string;
  /** SP identifiers (entity IDs). The first is the Audience; a `#n` suffix is stripped when sent. */
  identifiers: string[];
  /** Allowed Assertion Consumer Service URLs. The first is the default for IdP-initiated sign-in. */
  replyUrls: string[];
  signOnUrl: string | null;
  relayState: string | null;
  nameIdFormat: NameIdFormat;
  nameIdSource: string;
  claims: Claim[];
  /** Seconds, 900–43200, sent as the AWS SessionDuration claim when one is configured. */
  sessionDuration: number | null;
  signingScope: SigningScope;
  signingAlgorithm: SigningAlgorithm;
  /** Refuse SP-initiated AuthnRequests that are not signed by one of `spSigningCertificates`. */
  authnRequestsSigned: boolean;
  /** PEM certificates of the SP that may sign AuthnRequests (saml-bindings §3.4.4.1, §3.5.4.1). */
  spSigningCertificates: string[];
  createdAt: string;
  updatedAt: string;
}

export type CertificateStatus = 'active' | 'staged' | 'inactive';

export interface SigningCertificate {
  id: string;
  appId: string;
  /** Exactly one certificate per app is `active` (it signs); `staged` ones are published in metadata for rollover. */
  status: CertificateStatus;
  subject: string;
  serialNumber: string;
  thumbprintSha1: string;
  thumbprintSha256: string;
  keyBits: number;
  notBefore: string;
  notAfter: string;
  certificatePem: string;
  createdAt: string;
}

/** The private key of a certificate, sealed by the secret box: never stored in clear. */
export interface SealedPrivateKey {
  certificateId: string;
  sealedKey: string;
}

export type AppRoleOrigin = 'default' | 'manual' | 'import';

export interface AppRole {
  id: string;
  appId: string;
  /** For AWS, `roleArn,samlProviderArn`. Null only for the default `msiam_access` role. */
  value: string | null;
  displayName: string;
  description: string | null;
  enabled: boolean;
  origin: AppRoleOrigin;
  createdAt: string;
  updatedAt: string;
}

export interface Assignment {
  id: string;
  appId: string;
  appRoleId: string;
  principalId: string;
  principalType: PrincipalType;
  createdAt: string;
}

export interface ApiToken {
  id: string;
  name: string;
  /** First characters of the token, shown so admins can tell tokens apart. */
  prefix: string;
  /** SHA-256 of the whole token, hex. The token itself is never stored. */
  tokenHash: string;
  createdAt: string;
  lastUsedAt: string | null;
}

export interface SsoSession {
  id: string;
  /** SHA-256 of the session cookie value, hex. */
  tokenHash: string;
  userId: string;
  authnInstant: string;
  expiresAt: string;
  createdAt: string;
}

export interface Page<T> {
  items: T[];
  /** Opaque cursor for the next page; absent on the last page. */
  next?: string;
}

export interface PageRequest {
  limit: number;
  /** Cursor from a previous page's `next`. */
  after?: string;
}
