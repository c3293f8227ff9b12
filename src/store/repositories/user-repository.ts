import { sql, type Kysely } from 'kysely';
import type { Page, PageRequest, User } from '../../core/model.ts';
import type { UserRepository } from '../../core/ports/store.ts';
import type { Database } from '../database-schema.ts';
import { userFromRow, userToRow } from '../mappers/user-mapper.ts';
import { checkPageRequest, toPage } from '../page.ts';
import { runAtomicWrite, runWrite } from '../run-in-transaction.ts';

/** Every column but the password hash, which only getPasswordHash reads. */
const USER_COLUMNS = [
  'id',
  'user_principal_name',
  'display_name',
  'mail',
  'enabled',
  'attributes',
  'created_at',
  'updated_at',
] as const;

/** A LIKE pattern matching `text` anywhere, with LIKE's wildcards escaped by `\`. */
function containsPattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export class SqlUserRepository implements UserRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(user: User, passwordHash: string | null): Promise<User> {
    const row = await runWrite(this.db, (db) =>
      db
        .insertInto('users')
        .values({ ...userToRow(user), password_hash: passwordHash })
        .returning(USER_COLUMNS)
        .executeTakeFirstOrThrow(),
    );
    return userFromRow(row);
  }

  async get(id: string): Promise<User | undefined> {
    const row = await this.db.selectFrom('users').select(USER_COLUMNS).where('id', '=', id).executeTakeFirst();
    return row && userFromRow(row);
  }

  async getByPrincipalName(userPrincipalName: string): Promise<User | undefined> {
    // The same expression as the unique index users_upn_unique, so the index answers it.
    const row = await this.db
      .selectFrom('users')
      .select(USER_COLUMNS)
      .where(sql`lower(user_principal_name)`, '=', sql`lower(${userPrincipalName})`)
      .executeTakeFirst();
    return row && userFromRow(row);
  }

  async getPasswordHash(id: string): Promise<string | null | undefined> {
    const row = await this.db.selectFrom('users').select('password_hash').where('id', '=', id).executeTakeFirst();
    return row?.password_hash;
  }

  async setPasswordHash(id: string, passwordHash: string | null): Promise<boolean> {
    const result = await this.db
      .updateTable('users')
      .set({ password_hash: passwordHash })
      .where('id', '=', id)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async update(user: User): Promise<User | undefined> {
    const { id, created_at: _createdAt, ...changes } = userToRow(user);
    const row = await runWrite(this.db, (db) =>
      db.updateTable('users').set(changes).where('id', '=', id).returning(USER_COLUMNS).executeTakeFirst(),
    );
    return row && userFromRow(row);
  }

  async delete(id: string): Promise<boolean> {
    // member_id and principal_id may name a user or a group, so no foreign key can cascade them.
    return runAtomicWrite(this.db, async (trx) => {
      await trx.deleteFrom('group_members').where('member_id', '=', id).where('member_type', '=', 'user').execute();
      await trx.deleteFrom('assignments').where('principal_id', '=', id).where('principal_type', '=', 'user').execute();
      const result = await trx.deleteFrom('users').where('id', '=', id).executeTakeFirst();
      return result.numDeletedRows > 0n;
    });
  }

  async list(page: PageRequest, filter: { search?: string } = {}): Promise<Page<User>> {
    checkPageRequest(page);
    const { after } = page;
    const search = filter.search;
    const rows = await this.db
      .selectFrom('users')
      .select(USER_COLUMNS)
      .$if(after !== undefined, (q) => q.where('id', '>', after!))
      .$if(search !== undefined && search !== '', (q) => {
        const pattern = containsPattern(search!);
        return q.where((eb) =>
          eb.or([
            sql<boolean>`lower(user_principal_name) like ${pattern} escape '\\'`,
            sql<boolean>`lower(display_name) like ${pattern} escape '\\'`,
            sql<boolean>`lower(mail) like ${pattern} escape '\\'`,
          ]),
        );
      })
      .orderBy('id')
      .limit(page.limit + 1)
      .execute();
    return toPage(rows, page.limit, userFromRow, (r) => r.id);
  }

  async count(): Promise<number> {
    const row = await this.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
