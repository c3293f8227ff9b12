import type {
  ApiToken,
  App,
  AppRole,
  Assignment,
  Group,
  SigningCertificate,
  SsoSession,
  User,
} from '../../core/model.ts';
import { newId } from '../../core/new-id.ts';

/** Model builders for the store contract: every field set, so a round trip checks every column. */
export const T0 = '2030-01-02T03:04:05.000Z';
export const T1 = '2030-01-02T04:04:05.000Z';

let sequence = 0;
const unique = () => `${Date.now().toString(36)}${(sequence++).toString(36)}`;

export function makeUser(overrides: Partial<User> = {}): User {
  const n = unique();
  return {
    id: newId(),
    userPrincipalName: `user.${n}@example.com`,
    displayName: `User ${n}`,
    mail: `user.${n}@example.com`,
    enabled: true,
    attributes: { department: 'Platform', jobTitle: 'Engineer' },
    createdAt: T0,
    updatedAt: T0,
    ...overrides,
  };
}

export function makeGroup(overrides: Partial<Group> = {}): Group {
  return { id: newId(), displayName: `Group ${unique()}`, description: 'a group', createdAt: T0, updatedAt: T0, ...overrides };
}

export function makeApp(overrides: Partial<App> = {}): App {
  const id = overrides.id ?? newId();
  return {
    id,
    template: 'aws',
    displayName: 'AWS production',
    enabled: true,
    visibleInMyApps: true,
    idpEntityId: `http://127.0.0.1:8080/saml/${id}`,
    identifiers: ['urn:amazon:webservices', 'urn:amazon:webservices#2'],
    replyUrls: ['https://signin.aws.amazon.com/saml', 'https://eu-west-1.signin.aws.amazon.com/saml'],
    signOnUrl: null,
    relayState: 'https://console.aws.amazon.com/',
    nameIdFormat: 'persistent',
    nameIdSource: 'userPrincipalName',
    claims: [
      { name: 'Role', namespace: 'https://aws.amazon.com/SAML/Attributes', source: { type: 'roles' } },
      { name: 'RoleSessionName', namespace: 'https://aws.amazon.com/SAML/Attributes', source: { type: 'attribute', attribute: 'userPrincipalName' } },
      { name: 'PrincipalTag:Team', namespace: 'https://aws.amazon.com/SAML/Attributes', source: { type: 'constant', value: 'Ops' } },
    ],
    sessionDuration: 3600,
    signingScope: 'assertion',
    signingAlgorithm: 'rsa-sha256',
    // Not the defaults, so the round trip shows both columns are written and read.
    authnRequestsSigned: true,
    spSigningCertificates: [SP_CERTIFICATE_PEM, `${SP_CERTIFICATE_PEM}\r\n`],
    createdAt: T0,
    updatedAt: T0,
    ...overrides,
  };
}

// The store keeps the text exactly; it is not parsed there, so a placeholder is enough.
const SP_CERTIFICATE_PEM = '-----BEGIN CERTIFICATE-----\nMIIBsp+/=\n-----END CERTIFICATE-----\n';

export function makeRole(appId: string, overrides: Partial<AppRole> = {}): AppRole {
  const n = unique();
  return {
    id: newId(),
    appId,
    value: `arn:aws:iam::123456789012:role/R${n},arn:aws:iam::123456789012:saml-provider/rolegate`,
    displayName: `R${n}`,
    description: null,
    enabled: true,
    origin: 'manual',
    createdAt: T0,
    updatedAt: T0,
    ...overrides,
  };
}

export function makeAssignment(role: AppRole, principal: { id: string }, type: 'user' | 'group'): Assignment {
  return { id: newId(), appId: role.appId, appRoleId: role.id, principalId: principal.id, principalType: type, createdAt: T0 };
}

export function makeCertificate(appId: string, overrides: Partial<SigningCertificate> = {}): SigningCertificate {
  return {
    id: newId(),
    appId,
    status: 'active',
    subject: 'CN=rolegate',
    serialNumber: '0a1b2c',
    thumbprintSha1: 'aa'.repeat(20),
    thumbprintSha256: 'bb'.repeat(32),
    keyBits: 2048,
    notBefore: T0,
    notAfter: '2033-01-02T03:04:05.000Z',
    certificatePem: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n',
    createdAt: T0,
    ...overrides,
  };
}

export function makeToken(overrides: Partial<ApiToken> = {}): ApiToken {
  const n = unique();
  return { id: newId(), name: `token ${n}`, prefix: 'rg_abcd', tokenHash: `hash-${n}`, createdAt: T0, lastUsedAt: null, ...overrides };
}

export function makeSession(userId: string, overrides: Partial<SsoSession> = {}): SsoSession {
  return {
    id: newId(),
    tokenHash: `session-${unique()}`,
    userId,
    authnInstant: T0,
    expiresAt: T1,
    createdAt: T0,
    ...overrides,
  };
}

/** Ids sorted the way the store orders them (byte order; ids are lowercase ASCII). */
export function sortedIds(items: readonly { id: string }[]): string[] {
  return items.map((i) => i.id).sort();
}
