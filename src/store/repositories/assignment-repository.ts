import type { Kysely } from 'kysely';
import type { AppRole, Assignment, Page, PageRequest, PrincipalType } from '../../core/model.ts';
import type { AssignmentRepository } from '../../core/ports/store.ts';
import { MAX_IN_LIST, chunk, distinct } from '../chunk.ts';
import type { AppRolesTable, Database } from '../database-schema.ts';
import { appRoleFromRow } from '../mappers/app-role-mapper.ts';
import { assignmentFromRow, assignmentToRow } from '../mappers/assignment-mapper.ts';
import { checkPageRequest, toPage } from '../page.ts';
import { runWrite } from '../run-in-transaction.ts';

export class SqlAssignmentRepository implements AssignmentRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(assignment: Assignment): Promise<Assignment> {
    const row = await runWrite(this.db, (db) =>
      db.insertInto('assignments').values(assignmentToRow(assignment)).returningAll().executeTakeFirstOrThrow(),
    );
    return assignmentFromRow(row);
  }

  async get(appId: string, id: string): Promise<Assignment | undefined> {
    const row = await this.db
      .selectFrom('assignments')
      .selectAll()
      .where('id', '=', id)
      .where('app_id', '=', appId)
      .executeTakeFirst();
    return row && assignmentFromRow(row);
  }

  async delete(appId: string, id: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('assignments')
      .where('id', '=', id)
      .where('app_id', '=', appId)
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  async list(appId: string, page: PageRequest): Promise<Page<Assignment>> {
    checkPageRequest(page);
    const { after } = page;
    const rows = await this.db
      .selectFrom('assignments')
      .selectAll()
      .where('app_id', '=', appId)
      .$if(after !== undefined, (q) => q.where('id', '>', after!))
      .orderBy('id')
      .limit(page.limit + 1)
      .execute();
    return toPage(rows, page.limit, assignmentFromRow, (r) => r.id);
  }

  /**
   * One query per MAX_IN_LIST principals (one query in practice): a semi-join on the
   * (app_id, principal_id, app_role_id) index, so each role comes back once without a
   * DISTINCT over whole rows. Ordered by role id.
   */
  async listRolesForPrincipals(appId: string, principalIds: readonly string[]): Promise<AppRole[]> {
    const ids = distinct(principalIds);
    if (ids.length === 0) return [];
    const parts = chunk(ids, MAX_IN_LIST);
    const query = (part: string[]) =>
      this.db
        .selectFrom('app_roles')
        .selectAll()
        .where('app_id', '=', appId)
        .where('id', 'in', (eb) =>
          eb
            .selectFrom('assignments')
            .select('app_role_id')
            .where('app_id', '=', appId)
            .where('principal_id', 'in', part),
        )
        .orderBy('id')
        .execute();
    if (parts.length === 1) return (await query(parts[0]!)).map(appRoleFromRow);
    const byId = new Map<string, AppRolesTable>();
    for (const part of parts) for (const row of await query(part)) byId.set(row.id, row);
    return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map(appRoleFromRow);
  }

  async listAppIdsForPrincipals(principalIds: readonly string[]): Promise<string[]> {
    const appIds = new Set<string>();
    for (const part of chunk(distinct(principalIds), MAX_IN_LIST)) {
      const rows = await this.db
        .selectFrom('assignments')
        .select('app_id')
        .distinct()
        .where('principal_id', 'in', part)
        .execute();
      for (const row of rows) appIds.add(row.app_id);
    }
    return [...appIds].sort();
  }

  async listForPrincipal(principalId: string, principalType: PrincipalType): Promise<Assignment[]> {
    const rows = await this.db
      .selectFrom('assignments')
      .selectAll()
      .where('principal_id', '=', principalId)
      .where('principal_type', '=', principalType)
      .orderBy('id')
      .execute();
    return rows.map(assignmentFromRow);
  }
}
