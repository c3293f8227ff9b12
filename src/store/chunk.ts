/**
 * Bound parameters per statement stay far below SQLite's 32766 and PostgreSQL's 65535
 * so that a statement never fails on size, whatever else it binds.
 */
export const MAX_IN_LIST = 5000;
export const MAX_ROWS_PER_INSERT = 1000;

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Distinct values in first-seen order. */
export function distinct(values: readonly string[]): string[] {
  return [...new Set(values)];
}
