import type { SsoSession } from '../../core/model.ts';
import type { SsoSessionsTable } from '../database-schema.ts';

export function ssoSessionFromRow(row: SsoSessionsTable): SsoSession {
  return {
    id: row.id,
    tokenHash: row.token_hash,
    userId: row.user_id,
    authnInstant: row.authn_instant,
    expiresAt: row.expires_at,
    createdAt: row.created_at,
  };
}

export function ssoSessionToRow(session: SsoSession): SsoSessionsTable {
  return {
    id: session.id,
    token_hash: session.tokenHash,
    user_id: session.userId,
    authn_instant: session.authnInstant,
    expires_at: session.expiresAt,
    created_at: session.createdAt,
  };
}
