import type { Kysely } from 'kysely';
import type { SsoSession } from '../../core/model.ts';
import type { SsoSessionRepository } from '../../core/ports/store.ts';
import type { Database } from '../database-schema.ts';
import { ssoSessionFromRow, ssoSessionToRow } from '../mappers/sso-session-mapper.ts';
import { runWrite } from '../run-in-transaction.ts';

export class SqlSsoSessionRepository implements SsoSessionRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(session: SsoSession): Promise<SsoSession> {
    const row = await runWrite(this.db, (db) =>
      db.insertInto('sso_sessions').values(ssoSessionToRow(session)).returningAll().executeTakeFirstOrThrow(),
    );
    return ssoSessionFromRow(row);
  }

  async getByHash(tokenHash: string): Promise<SsoSession | undefined> {
    const row = await this.db
      .selectFrom('sso_sessions')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
    return row && ssoSessionFromRow(row);
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('sso_sessions').where('id', '=', id).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  async deleteForUser(userId: string): Promise<number> {
    const result = await this.db.deleteFrom('sso_sessions').where('user_id', '=', userId).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  /**
   * Deletes sessions whose expiresAt is at or before `now`. ISO-8601 UTC strings of one
   * format (Date#toISOString) compare as text in time order.
   */
  async deleteExpired(now: string): Promise<number> {
    const result = await this.db.deleteFrom('sso_sessions').where('expires_at', '<=', now).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
