import type { CertificateStatus, SealedPrivateKey, SigningCertificate } from '../../core/model.ts';
import type { SigningCertificatesTable } from '../database-schema.ts';

export type CertificateRow = Omit<SigningCertificatesTable, 'sealed_key'>;

/** The columns of a certificate read: everything but the sealed key. */
export const CERTIFICATE_COLUMNS = [
  'id',
  'app_id',
  'status',
  'subject',
  'serial_number',
  'thumbprint_sha1',
  'thumbprint_sha256',
  'key_bits',
  'not_before',
  'not_after',
  'certificate_pem',
  'created_at',
] as const satisfies readonly (keyof CertificateRow)[];

export function certificateFromRow(row: CertificateRow): SigningCertificate {
  return {
    id: row.id,
    appId: row.app_id,
    status: row.status as CertificateStatus,
    subject: row.subject,
    serialNumber: row.serial_number,
    thumbprintSha1: row.thumbprint_sha1,
    thumbprintSha256: row.thumbprint_sha256,
    keyBits: row.key_bits,
    notBefore: row.not_before,
    notAfter: row.not_after,
    certificatePem: row.certificate_pem,
    createdAt: row.created_at,
  };
}

export function certificateToRow(certificate: SigningCertificate, key: SealedPrivateKey): SigningCertificatesTable {
  return {
    id: certificate.id,
    app_id: certificate.appId,
    status: certificate.status,
    subject: certificate.subject,
    serial_number: certificate.serialNumber,
    thumbprint_sha1: certificate.thumbprintSha1,
    thumbprint_sha256: certificate.thumbprintSha256,
    key_bits: certificate.keyBits,
    not_before: certificate.notBefore,
    not_after: certificate.notAfter,
    certificate_pem: certificate.certificatePem,
    sealed_key: key.sealedKey,
    created_at: certificate.createdAt,
  };
}
