export interface SandboxSamlProvider {
  arn: string;
  entityId: string;
  signingCertificatesPem: readonly string[];
}

export interface SandboxRole {
  arn: string;
  roleName: string;
  accountId: string;
  trustPolicyJson: string;
  maxSessionDuration: number;
}

/** What the SAML pipeline needs from the sandbox's state; implemented by the state module. */
export interface SandboxDirectory {
  getSamlProvider(arn: string): SandboxSamlProvider | undefined;
  getRole(arn: string): SandboxRole | undefined;
  getAccountAlias(accountId: string): string | undefined;
}

export interface SamlValidationOptions {
  now: Date;
  /** Tolerance for every time comparison, in seconds (DEFAULT_CLOCK_SKEW_SECONDS). */
  clockSkewSeconds: number;
  /** Accepted SubjectConfirmationData Recipients; `*` in an entry matches one DNS label (a region). */
  signInEndpoints: readonly string[];
  allowSha1: boolean;
}

export interface AwsRoleChoice {
  roleArn: string;
  principalArn: string;
  accountId: string;
  roleName: string;
}

export interface RejectedRoleChoice {
  roleArn: string;
  principalArn: string;
  code: import('./sandbox-saml-error.ts').SandboxSamlErrorCode;
  check: string;
  message: string;
}

export interface ValidatedAwsSamlResponse {
  issuer: string;
  nameId: string;
  nameIdFormat: string | undefined;
  /** Recipient of the bearer SubjectConfirmation: what AWS calls the SAML audience (SAML:aud). */
  recipient: string;
  /** Same as recipient; AssumeRoleWithSAML answers Audience with the Recipient value. */
  audience: string;
  /** The <Audience> values, per AudienceRestriction. */
  audienceRestrictions: string[][];
  /** Role pairs whose provider verified the signature and matches the Issuer. */
  roles: AwsRoleChoice[];
  /** Role pairs named by the response whose provider is missing or did not verify. */
  rejectedRoles: RejectedRoleChoice[];
  roleSessionName: string;
  sessionDuration?: number;
  sessionNotOnOrAfter?: Date;
  principalTags: Record<string, string>;
  transitiveTagKeys: string[];
  sourceIdentity?: string;
  /** Earliest of Conditions/@NotOnOrAfter and SubjectConfirmationData/@NotOnOrAfter. */
  notOnOrAfter: Date;
  assertionId: string;
  signatureAlgorithm: string;
  responseSigned: boolean;
  assertionSigned: boolean;
  /** Every attribute of the verified assertion, for diagnostics. */
  attributes: Array<{ name: string; values: string[] }>;
}

export interface AuthorizedSamlSession {
  roleArn: string;
  principalArn: string;
  accountId: string;
  accountAlias?: string;
  roleName: string;
  roleSessionName: string;
  /** arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION */
  assumedRoleArn: string;
  expiration: Date;
  subject: string;
  subjectType: string;
  issuer: string;
  /** The Recipient (AssumeRoleWithSAML's Audience). */
  audience: string;
  /** BASE64(SHA1(issuer + accountId + "/" + providerName)) (STS API reference, NameQualifier). */
  nameQualifier: string;
  principalTags: Record<string, string>;
  transitiveTagKeys: string[];
  sourceIdentity?: string;
  /** The trust policy statement that allowed sts:AssumeRoleWithSAML. */
  trustStatement: string;
}
