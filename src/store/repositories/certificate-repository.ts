import type { Kysely } from 'kysely';
import type { SealedPrivateKey, SigningCertificate } from '../../core/model.ts';
import type { CertificateRepository } from '../../core/ports/store.ts';
import type { Database } from '../database-schema.ts';
import { CERTIFICATE_COLUMNS, certificateFromRow, certificateToRow } from '../mappers/certificate-mapper.ts';
import { runWrite } from '../run-in-transaction.ts';

export class SqlCertificateRepository implements CertificateRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(certificate: SigningCertificate, key: SealedPrivateKey): Promise<SigningCertificate> {
    if (key.certificateId !== certificate.id) {
      throw new TypeError('key.certificateId must equal certificate.id');
    }
    const row = await runWrite(this.db, (db) =>
      db
        .insertInto('signing_certificates')
        .values(certificateToRow(certificate, key))
        .returning(CERTIFICATE_COLUMNS)
        .executeTakeFirstOrThrow(),
    );
    return certificateFromRow(row);
  }

  async get(appId: string, id: string): Promise<SigningCertificate | undefined> {
    const row = await this.db
      .selectFrom('signing_certificates')
      .select(CERTIFICATE_COLUMNS)
      .where('id', '=', id)
      .where('app_id', '=', appId)
      .executeTakeFirst();
    return row && certificateFromRow(row);
  }

  async listForApp(appId: string): Promise<SigningCertificate[]> {
    const rows = await this.db
      .selectFrom('signing_certificates')
      .select(CERTIFICATE_COLUMNS)
      .where('app_id', '=', appId)
      .orderBy('id')
      .execute();
    return rows.map(certificateFromRow);
  }

  async getSealedKey(certificateId: string): Promise<SealedPrivateKey | undefined> {
    const row = await this.db
      .selectFrom('signing_certificates')
      .select('sealed_key')
      .where('id', '=', certificateId)
      .executeTakeFirst();
    return row && { certificateId, sealedKey: row.sealed_key };
  }

  async setStatus(
    appId: string,
    id: string,
    status: SigningCertificate['status'],
  ): Promise<SigningCertificate | undefined> {
    const row = await this.db
      .updateTable('signing_certificates')
      .set({ status })
      .where('id', '=', id)
      .where('app_id', '=', appId)
      .returning(CERTIFICATE_COLUMNS)
      .executeTakeFirst();
    return row && certificateFromRow(row);
  }

  async delete(appId: string, id: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('signing_certificates')
      .where('id', '=', id)
      .where('app_id', '=', appId)
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }
}
