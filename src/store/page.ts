import type { Page, PageRequest } from '../core/model.ts';

/** Throws TypeError for a malformed page request: a programming mistake, not input. */
export function checkPageRequest(page: PageRequest): void {
  if (!Number.isSafeInteger(page.limit) || page.limit < 1) {
    throw new TypeError(`page.limit must be a positive integer, got ${String(page.limit)}`);
  }
  if (page.after !== undefined && typeof page.after !== 'string') {
    throw new TypeError('page.after must be a string cursor');
  }
}

/**
 * Builds a keyset page from rows fetched with `limit + 1`: the extra row only proves that a
 * further page exists, and the cursor is the last returned row's key.
 */
export function toPage<R, T>(rows: R[], limit: number, map: (row: R) => T, keyOf: (row: R) => string): Page<T> {
  if (rows.length <= limit) return { items: rows.map(map) };
  const kept = rows.slice(0, limit);
  return { items: kept.map(map), next: keyOf(kept[kept.length - 1]!) };
}
