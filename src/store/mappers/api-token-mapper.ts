import type { ApiToken } from '../../core/model.ts';
import type { ApiTokensTable } from '../database-schema.ts';

export function apiTokenFromRow(row: ApiTokensTable): ApiToken {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    tokenHash: row.token_hash,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
  };
}

export function apiTokenToRow(token: ApiToken): ApiTokensTable {
  return {
    id: token.id,
    name: token.name,
    prefix: token.prefix,
    token_hash: token.tokenHash,
    created_at: token.createdAt,
    last_used_at: token.lastUsedAt,
  };
}
