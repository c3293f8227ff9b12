import { validationError } from '../errors/aws-service-error.ts';

export interface Page<T> {
  items: T[];
  isTruncated: boolean;
  marker: string | undefined;
}

/**
 * Keyset paging over `items` sorted by `keyOf`: the marker is the opaque (base64url) key of
 * the last item returned, so pages stay correct when items are added or deleted between calls.
 */
export function paginate<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  marker: string | undefined,
  maxItems: number,
  markerName = 'marker',
): Page<T> {
  const sorted = [...items].sort((a, b) => compare(keyOf(a), keyOf(b)));
  let start = 0;
  if (marker !== undefined) {
    const after = decodeMarker(marker, markerName);
    start = sorted.findIndex((item) => compare(keyOf(item), after) > 0);
    if (start < 0) start = sorted.length;
  }
  const page = sorted.slice(start, start + maxItems);
  const isTruncated = start + maxItems < sorted.length;
  const last = page[page.length - 1];
  return {
    items: page,
    isTruncated,
    marker: isTruncated && last !== undefined ? Buffer.from(JSON.stringify({ a: keyOf(last) }), 'utf8').toString('base64url') : undefined,
  };
}

function decodeMarker(marker: string, markerName: string): string {
  try {
    const value = JSON.parse(Buffer.from(marker, 'base64url').toString('utf8')) as { a?: unknown };
    if (typeof value.a === 'string') return value.a;
  } catch {
    // fall through to the error below
  }
  throw validationError(`1 validation error detected: Value '${marker}' at '${markerName}' failed to satisfy constraint: Member must be a marker returned by a previous call`);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
