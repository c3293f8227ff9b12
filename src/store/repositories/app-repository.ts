import type { Kysely } from 'kysely';
import type { App, Page, PageRequest } from '../../core/model.ts';
import type { AppRepository } from '../../core/ports/store.ts';
import type { Database } from '../database-schema.ts';
import { appFromRow, appToRow } from '../mappers/app-mapper.ts';
import { checkPageRequest, toPage } from '../page.ts';
import { runWrite } from '../run-in-transaction.ts';

export class SqlAppRepository implements AppRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(app: App): Promise<App> {
    const row = await runWrite(this.db, (db) =>
      db.insertInto('apps').values(appToRow(app)).returningAll().executeTakeFirstOrThrow(),
    );
    return appFromRow(row);
  }

  async get(id: string): Promise<App | undefined> {
    const row = await this.db.selectFrom('apps').selectAll().where('id', '=', id).executeTakeFirst();
    return row && appFromRow(row);
  }

  async update(app: App): Promise<App | undefined> {
    const { id, created_at: _createdAt, ...changes } = appToRow(app);
    const row = await this.db.updateTable('apps').set(changes).where('id', '=', id).returningAll().executeTakeFirst();
    return row && appFromRow(row);
  }

  /** Roles, assignments and certificates go with it (foreign keys ON DELETE CASCADE). */
  async delete(id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('apps').where('id', '=', id).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  async list(page: PageRequest): Promise<Page<App>> {
    checkPageRequest(page);
    const { after } = page;
    const rows = await this.db
      .selectFrom('apps')
      .selectAll()
      .$if(after !== undefined, (q) => q.where('id', '>', after!))
      .orderBy('id')
      .limit(page.limit + 1)
      .execute();
    return toPage(rows, page.limit, appFromRow, (r) => r.id);
  }

  async listAll(): Promise<App[]> {
    const rows = await this.db.selectFrom('apps').selectAll().orderBy('id').execute();
    return rows.map(appFromRow);
  }
}
