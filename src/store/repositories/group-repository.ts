import type { Kysely } from 'kysely';
import type { Group, GroupMembership, Page, PageRequest } from '../../core/model.ts';
import type { GroupRepository } from '../../core/ports/store.ts';
import { MAX_IN_LIST, chunk, distinct } from '../chunk.ts';
import type { Database } from '../database-schema.ts';
import { groupFromRow, groupToRow, membershipFromRow, membershipToRow } from '../mappers/group-mapper.ts';
import { checkPageRequest, toPage } from '../page.ts';
import { runAtomicWrite, runWrite } from '../run-in-transaction.ts';

export class SqlGroupRepository implements GroupRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(group: Group): Promise<Group> {
    const row = await runWrite(this.db, (db) =>
      db.insertInto('groups').values(groupToRow(group)).returningAll().executeTakeFirstOrThrow(),
    );
    return groupFromRow(row);
  }

  async get(id: string): Promise<Group | undefined> {
    const row = await this.db.selectFrom('groups').selectAll().where('id', '=', id).executeTakeFirst();
    return row && groupFromRow(row);
  }

  async update(group: Group): Promise<Group | undefined> {
    const { id, created_at: _createdAt, ...changes } = groupToRow(group);
    const row = await this.db
      .updateTable('groups')
      .set(changes)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
    return row && groupFromRow(row);
  }

  async delete(id: string): Promise<boolean> {
    // Its own members go by the group_id foreign key; the rows naming it as a member or a
    // principal have no foreign key (the id may be a user's), so they are deleted here.
    return runAtomicWrite(this.db, async (trx) => {
      await trx.deleteFrom('group_members').where('member_id', '=', id).where('member_type', '=', 'group').execute();
      await trx.deleteFrom('assignments').where('principal_id', '=', id).where('principal_type', '=', 'group').execute();
      const result = await trx.deleteFrom('groups').where('id', '=', id).executeTakeFirst();
      return result.numDeletedRows > 0n;
    });
  }

  async list(page: PageRequest): Promise<Page<Group>> {
    checkPageRequest(page);
    const { after } = page;
    const rows = await this.db
      .selectFrom('groups')
      .selectAll()
      .$if(after !== undefined, (q) => q.where('id', '>', after!))
      .orderBy('id')
      .limit(page.limit + 1)
      .execute();
    return toPage(rows, page.limit, groupFromRow, (r) => r.id);
  }

  async addMember(membership: GroupMembership): Promise<GroupMembership> {
    const row = await runWrite(this.db, (db) =>
      db.insertInto('group_members').values(membershipToRow(membership)).returningAll().executeTakeFirstOrThrow(),
    );
    return membershipFromRow(row);
  }

  async removeMember(groupId: string, memberId: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('group_members')
      .where('group_id', '=', groupId)
      .where('member_id', '=', memberId)
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  /** Ordered by member id; the cursor is the last member id. */
  async listMembers(groupId: string, page: PageRequest): Promise<Page<GroupMembership>> {
    checkPageRequest(page);
    const { after } = page;
    const rows = await this.db
      .selectFrom('group_members')
      .selectAll()
      .where('group_id', '=', groupId)
      .$if(after !== undefined, (q) => q.where('member_id', '>', after!))
      .orderBy('member_id')
      .limit(page.limit + 1)
      .execute();
    return toPage(rows, page.limit, membershipFromRow, (r) => r.member_id);
  }

  async listParentGroupIds(memberIds: readonly string[]): Promise<string[]> {
    const ids = distinct(memberIds);
    const parents = new Set<string>();
    for (const part of chunk(ids, MAX_IN_LIST)) {
      const rows = await this.db
        .selectFrom('group_members')
        .select('group_id')
        .distinct()
        .where('member_id', 'in', part)
        .execute();
      for (const row of rows) parents.add(row.group_id);
    }
    return [...parents].sort();
  }
}
