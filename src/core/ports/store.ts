import type {
  ApiToken,
  App,
  AppRole,
  Assignment,
  Group,
  GroupMembership,
  Page,
  PageRequest,
  PrincipalType,
  SealedPrivateKey,
  SigningCertificate,
  SsoSession,
  User,
} from '../model.ts';

/**
 * The storage contract. Adapters (src/store) implement it for SQLite and PostgreSQL and
 * pass one contract suite. Adapters hold no business rules: they store and fetch.
 *
 * Conventions:
 * - `get*` returns `undefined` when nothing matches; it never throws for a missing row.
 * - `insert*` throws RolegateError('ERR_CONFLICT') on a unique-key clash, naming the field.
 * - `update*` returns the updated row, or `undefined` when the id does not exist.
 * - `delete*` returns whether a row was deleted. Deleting a parent row deletes its
 *   dependants (cascade): a user's memberships, assignments and sessions; an app's
 *   roles, assignments and certificates; a group's memberships (both directions) and
 *   assignments; a role's assignments.
 * - Lists are ordered by id (ids sort by creation time) and paged by keyset.
 * - Every method runs in the current transaction when called on the `tx` given by
 *   `transaction()`.
 */
export interface Store {
  readonly users: UserRepository;
  readonly groups: GroupRepository;
  readonly apps: AppRepository;
  readonly certificates: CertificateRepository;
  readonly roles: AppRoleRepository;
  readonly assignments: AssignmentRepository;
  readonly tokens: ApiTokenRepository;
  readonly sessions: SsoSessionRepository;
  readonly settings: SettingsRepository;
  /**
   * Runs `fn` in one transaction: all its writes land, or none do. Nested calls reuse the outer
   * transaction. Transactions run one at a time (across processes too), so a check made inside
   * one still holds when its write lands.
   */
  transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface UserRepository {
  insert(user: User, passwordHash: string | null): Promise<User>;
  get(id: string): Promise<User | undefined>;
  /** Case-insensitive match on userPrincipalName. */
  getByPrincipalName(userPrincipalName: string): Promise<User | undefined>;
  getPasswordHash(id: string): Promise<string | null | undefined>;
  setPasswordHash(id: string, passwordHash: string | null): Promise<boolean>;
  update(user: User): Promise<User | undefined>;
  delete(id: string): Promise<boolean>;
  list(page: PageRequest, filter?: { search?: string }): Promise<Page<User>>;
  count(): Promise<number>;
}

export interface GroupRepository {
  insert(group: Group): Promise<Group>;
  get(id: string): Promise<Group | undefined>;
  update(group: Group): Promise<Group | undefined>;
  delete(id: string): Promise<boolean>;
  list(page: PageRequest): Promise<Page<Group>>;
  /** Throws ERR_CONFLICT if the membership already exists. */
  addMember(membership: GroupMembership): Promise<GroupMembership>;
  removeMember(groupId: string, memberId: string): Promise<boolean>;
  listMembers(groupId: string, page: PageRequest): Promise<Page<GroupMembership>>;
  /** Direct parents: the ids of the groups that contain any of `memberIds` as a direct member. */
  listParentGroupIds(memberIds: readonly string[]): Promise<string[]>;
}

export interface AppRepository {
  insert(app: App): Promise<App>;
  get(id: string): Promise<App | undefined>;
  update(app: App): Promise<App | undefined>;
  delete(id: string): Promise<boolean>;
  list(page: PageRequest): Promise<Page<App>>;
  /** Every app, in id order, for small fan-outs such as My Apps (apps number in the hundreds, not millions). */
  listAll(): Promise<App[]>;
}

export interface CertificateRepository {
  insert(certificate: SigningCertificate, key: SealedPrivateKey): Promise<SigningCertificate>;
  get(appId: string, id: string): Promise<SigningCertificate | undefined>;
  listForApp(appId: string): Promise<SigningCertificate[]>;
  getSealedKey(certificateId: string): Promise<SealedPrivateKey | undefined>;
  setStatus(appId: string, id: string, status: SigningCertificate['status']): Promise<SigningCertificate | undefined>;
  delete(appId: string, id: string): Promise<boolean>;
}

export interface AppRoleRepository {
  insert(role: AppRole): Promise<AppRole>;
  /** Inserts many roles in one statement batch; used by import. Throws ERR_CONFLICT on a duplicate value. */
  insertMany(roles: readonly AppRole[]): Promise<void>;
  get(appId: string, id: string): Promise<AppRole | undefined>;
  /** Exact match on value within the app. */
  getByValue(appId: string, value: string): Promise<AppRole | undefined>;
  update(role: AppRole): Promise<AppRole | undefined>;
  delete(appId: string, id: string): Promise<boolean>;
  list(appId: string, page: PageRequest): Promise<Page<AppRole>>;
  count(appId: string): Promise<number>;
  /** Every role value of the app (null values skipped), for import merging. */
  listValues(appId: string): Promise<Map<string, string>>;
}

export interface AssignmentRepository {
  /** Throws ERR_CONFLICT if the same principal already holds the same role. */
  insert(assignment: Assignment): Promise<Assignment>;
  get(appId: string, id: string): Promise<Assignment | undefined>;
  delete(appId: string, id: string): Promise<boolean>;
  list(appId: string, page: PageRequest): Promise<Page<Assignment>>;
  /**
   * The roles of `appId` assigned to any of `principalIds`, each role once, enabled or not.
   * This is the hot path of sign-in: adapters answer it with one indexed query.
   */
  listRolesForPrincipals(appId: string, principalIds: readonly string[]): Promise<AppRole[]>;
  /** The ids of the apps that any of `principalIds` is assigned to. */
  listAppIdsForPrincipals(principalIds: readonly string[]): Promise<string[]>;
  listForPrincipal(principalId: string, principalType: PrincipalType): Promise<Assignment[]>;
}

export interface ApiTokenRepository {
  insert(token: ApiToken): Promise<ApiToken>;
  getByHash(tokenHash: string): Promise<ApiToken | undefined>;
  touch(id: string, lastUsedAt: string): Promise<void>;
  list(): Promise<ApiToken[]>;
  delete(id: string): Promise<boolean>;
}

export interface SsoSessionRepository {
  insert(session: SsoSession): Promise<SsoSession>;
  getByHash(tokenHash: string): Promise<SsoSession | undefined>;
  delete(id: string): Promise<boolean>;
  /** Ends every session of a user (password change, disabling); returns how many. */
  deleteForUser(userId: string): Promise<number>;
  deleteExpired(now: string): Promise<number>;
}

/** Small key/value facts about the installation (for example whether the admin was bootstrapped). */
export interface SettingsRepository {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
}
