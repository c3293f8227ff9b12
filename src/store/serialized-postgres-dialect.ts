import {
  CompiledQuery,
  PostgresDialect,
  PostgresDriver,
  type DatabaseConnection,
  type Driver,
  type PostgresDialectConfig,
  type TransactionSettings,
} from 'kysely';

// Namespace of rolegate's two-key advisory locks ('role' in ASCII); Kysely's migration lock
// uses the one-key form, a separate key space.
const LOCK_NAMESPACE = 0x726f6c65;

/**
 * Every PostgreSQL transaction takes one advisory lock per schema right after BEGIN and holds
 * it to COMMIT or ROLLBACK, so write transactions run one at a time across every node and CLI
 * run, as SQLite's BEGIN IMMEDIATE makes them. Under READ COMMITTED, the core's check-then-write
 * rules (one active certificate per app, no group inside itself) would otherwise both pass in
 * two transactions at once and both write. Plain reads and single statements outside a
 * transaction (sign-in) never wait for it.
 */
class SerializedPostgresDriver extends PostgresDriver {
  override async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    await super.beginTransaction(connection, settings);
    await connection.executeQuery(
      CompiledQuery.raw(`select pg_advisory_xact_lock(${LOCK_NAMESPACE}, hashtext(current_schema()))`),
    );
  }
}

export class SerializedPostgresDialect extends PostgresDialect {
  readonly #config: PostgresDialectConfig;

  constructor(config: PostgresDialectConfig) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new SerializedPostgresDriver(this.#config);
  }
}
