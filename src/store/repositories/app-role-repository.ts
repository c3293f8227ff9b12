import type { Kysely } from 'kysely';
import type { AppRole, Page, PageRequest } from '../../core/model.ts';
import type { AppRoleRepository } from '../../core/ports/store.ts';
import { MAX_ROWS_PER_INSERT, chunk } from '../chunk.ts';
import type { Database } from '../database-schema.ts';
import { appRoleFromRow, appRoleToRow } from '../mappers/app-role-mapper.ts';
import { checkPageRequest, toPage } from '../page.ts';
import { runAtomicWrite, runWrite } from '../run-in-transaction.ts';

export class SqlAppRoleRepository implements AppRoleRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(role: AppRole): Promise<AppRole> {
    const row = await runWrite(this.db, (db) =>
      db.insertInto('app_roles').values(appRoleToRow(role)).returningAll().executeTakeFirstOrThrow(),
    );
    return appRoleFromRow(row);
  }

  /** Multi-row INSERTs of MAX_ROWS_PER_INSERT rows in one transaction: all roles land or none. */
  async insertMany(roles: readonly AppRole[]): Promise<void> {
    if (roles.length === 0) return;
    const rows = roles.map(appRoleToRow);
    await runAtomicWrite(this.db, async (trx) => {
      for (const part of chunk(rows, MAX_ROWS_PER_INSERT)) {
        await trx.insertInto('app_roles').values(part).execute();
      }
    });
  }

  async get(appId: string, id: string): Promise<AppRole | undefined> {
    const row = await this.db
      .selectFrom('app_roles')
      .selectAll()
      .where('id', '=', id)
      .where('app_id', '=', appId)
      .executeTakeFirst();
    return row && appRoleFromRow(row);
  }

  async getByValue(appId: string, value: string): Promise<AppRole | undefined> {
    const row = await this.db
      .selectFrom('app_roles')
      .selectAll()
      .where('app_id', '=', appId)
      .where('value', '=', value)
      .executeTakeFirst();
    return row && appRoleFromRow(row);
  }

  async update(role: AppRole): Promise<AppRole | undefined> {
    const { id, app_id: appId, created_at: _createdAt, ...changes } = appRoleToRow(role);
    const row = await runWrite(this.db, (db) =>
      db
        .updateTable('app_roles')
        .set(changes)
        .where('id', '=', id)
        .where('app_id', '=', appId)
        .returningAll()
        .executeTakeFirst(),
    );
    return row && appRoleFromRow(row);
  }

  /** Its assignments go with it (foreign key ON DELETE CASCADE). */
  async delete(appId: string, id: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('app_roles')
      .where('id', '=', id)
      .where('app_id', '=', appId)
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  async list(appId: string, page: PageRequest): Promise<Page<AppRole>> {
    checkPageRequest(page);
    const { after } = page;
    const rows = await this.db
      .selectFrom('app_roles')
      .selectAll()
      .where('app_id', '=', appId)
      .$if(after !== undefined, (q) => q.where('id', '>', after!))
      .orderBy('id')
      .limit(page.limit + 1)
      .execute();
    return toPage(rows, page.limit, appRoleFromRow, (r) => r.id);
  }

  async count(appId: string): Promise<number> {
    const row = await this.db
      .selectFrom('app_roles')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('app_id', '=', appId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** value → role id. */
  async listValues(appId: string): Promise<Map<string, string>> {
    const rows = await this.db
      .selectFrom('app_roles')
      .select(['id', 'value'])
      .where('app_id', '=', appId)
      .where('value', 'is not', null)
      .execute();
    return new Map(rows.map((r) => [r.value!, r.id]));
  }
}
