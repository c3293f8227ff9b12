import type { Kysely } from 'kysely';
import type { ApiToken } from '../../core/model.ts';
import type { ApiTokenRepository } from '../../core/ports/store.ts';
import type { Database } from '../database-schema.ts';
import { apiTokenFromRow, apiTokenToRow } from '../mappers/api-token-mapper.ts';
import { runWrite } from '../run-in-transaction.ts';

export class SqlApiTokenRepository implements ApiTokenRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(token: ApiToken): Promise<ApiToken> {
    const row = await runWrite(this.db, (db) =>
      db.insertInto('api_tokens').values(apiTokenToRow(token)).returningAll().executeTakeFirstOrThrow(),
    );
    return apiTokenFromRow(row);
  }

  async getByHash(tokenHash: string): Promise<ApiToken | undefined> {
    const row = await this.db.selectFrom('api_tokens').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
    return row && apiTokenFromRow(row);
  }

  async touch(id: string, lastUsedAt: string): Promise<void> {
    await this.db.updateTable('api_tokens').set({ last_used_at: lastUsedAt }).where('id', '=', id).execute();
  }

  async list(): Promise<ApiToken[]> {
    const rows = await this.db.selectFrom('api_tokens').selectAll().orderBy('id').execute();
    return rows.map(apiTokenFromRow);
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('api_tokens').where('id', '=', id).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }
}
