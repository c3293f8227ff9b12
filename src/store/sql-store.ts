import { AsyncLocalStorage } from 'node:async_hooks';
import type { Kysely } from 'kysely';
import type {
  ApiTokenRepository,
  AppRepository,
  AppRoleRepository,
  AssignmentRepository,
  CertificateRepository,
  GroupRepository,
  SettingsRepository,
  SsoSessionRepository,
  Store,
  UserRepository,
} from '../core/ports/store.ts';
import { createRepositoryFacade } from './create-repository-facade.ts';
import type { Database } from './database-schema.ts';
import { toStoreError } from './map-store-error.ts';
import { runGated } from './run-gated.ts';
import { SqlApiTokenRepository } from './repositories/api-token-repository.ts';
import { SqlAppRepository } from './repositories/app-repository.ts';
import { SqlAppRoleRepository } from './repositories/app-role-repository.ts';
import { SqlAssignmentRepository } from './repositories/assignment-repository.ts';
import { SqlCertificateRepository } from './repositories/certificate-repository.ts';
import { SqlGroupRepository } from './repositories/group-repository.ts';
import { SqlSettingsRepository } from './repositories/settings-repository.ts';
import { SqlSsoSessionRepository } from './repositories/sso-session-repository.ts';
import { SqlUserRepository } from './repositories/user-repository.ts';

interface TransactionScope {
  store: SqlStore;
  done: boolean;
}

/** The Store over one Kysely instance (the root) or one of its transactions. Backend-neutral. */
export class SqlStore implements Store {
  readonly users: UserRepository;
  readonly groups: GroupRepository;
  readonly apps: AppRepository;
  readonly certificates: CertificateRepository;
  readonly roles: AppRoleRepository;
  readonly assignments: AssignmentRepository;
  readonly tokens: ApiTokenRepository;
  readonly sessions: SsoSessionRepository;
  readonly settings: SettingsRepository;

  readonly #db: Kysely<Database>;
  readonly #scope: AsyncLocalStorage<TransactionScope>;

  constructor(db: Kysely<Database>, scope: AsyncLocalStorage<TransactionScope> = new AsyncLocalStorage()) {
    this.#db = db;
    this.#scope = scope;
    const active = (): SqlStore | undefined => {
      if (db.isTransaction) return undefined;
      const current = scope.getStore();
      return current === undefined || current.done ? undefined : current.store;
    };
    this.users = createRepositoryFacade(new SqlUserRepository(db), () => active()?.users);
    this.groups = createRepositoryFacade(new SqlGroupRepository(db), () => active()?.groups);
    this.apps = createRepositoryFacade(new SqlAppRepository(db), () => active()?.apps);
    this.certificates = createRepositoryFacade(new SqlCertificateRepository(db), () => active()?.certificates);
    this.roles = createRepositoryFacade(new SqlAppRoleRepository(db), () => active()?.roles);
    this.assignments = createRepositoryFacade(new SqlAssignmentRepository(db), () => active()?.assignments);
    this.tokens = createRepositoryFacade(new SqlApiTokenRepository(db), () => active()?.tokens);
    this.sessions = createRepositoryFacade(new SqlSsoSessionRepository(db), () => active()?.sessions);
    this.settings = createRepositoryFacade(new SqlSettingsRepository(db), () => active()?.settings);
  }

  async transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    if (this.#db.isTransaction) return fn(this);
    const current = this.#scope.getStore();
    if (current !== undefined && !current.done) return fn(current.store);
    // Errors from the callback pass unchanged; errors from BEGIN/COMMIT become store errors.
    let callbackFailure: { error: unknown } | undefined;
    try {
      return await runGated(this.#db, () => this.#db.transaction().execute(async (trx) => {
        const scope: TransactionScope = { store: new SqlStore(trx, this.#scope), done: false };
        try {
          return await this.#scope.run(scope, () => fn(scope.store));
        } catch (error) {
          callbackFailure = { error };
          throw error;
        } finally {
          // Work the callback left running must not reach a finished transaction's connection.
          scope.done = true;
        }
      }));
    } catch (error) {
      if (callbackFailure !== undefined && callbackFailure.error === error) throw error;
      throw toStoreError(error);
    }
  }

  async close(): Promise<void> {
    if (this.#db.isTransaction) throw new TypeError('close() the root store, not a transaction');
    await this.#db.destroy();
  }
}
