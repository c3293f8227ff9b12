import { encodeRfc3986 } from './encode-rfc3986.ts';

export interface CanonicalRequestInput {
  method: string;
  /** The path as it came on the wire (still percent-encoded). */
  rawPath: string;
  /** The query string as it came on the wire, without `?`. */
  rawQuery: string;
  /** Header lookup by lowercase name; several values are joined with `,`. */
  header: (name: string) => string | undefined;
  signedHeaders: readonly string[];
  payloadHash: string;
}

/**
 * SigV4 canonical request (AWS "Create a canonical request for Signature Version 4"):
 * method, canonical URI, canonical query, canonical headers, signed headers, payload hash.
 * Returns undefined when a signed header is absent, which can never verify.
 */
export function buildCanonicalRequest(input: CanonicalRequestInput): string | undefined {
  const headerLines: string[] = [];
  for (const name of input.signedHeaders) {
    const value = input.header(name);
    if (value === undefined) return undefined;
    headerLines.push(`${name}:${value.replace(/[\r\n]/g, ' ').replace(/[ \t]+/g, ' ').trim()}`);
  }
  return [
    input.method.toUpperCase(),
    canonicalPath(input.rawPath),
    canonicalQuery(input.rawQuery),
    `${headerLines.join('\n')}\n`,
    input.signedHeaders.join(';'),
    input.payloadHash,
  ].join('\n');
}

// Every service but S3 normalises the path and encodes each segment twice: once on the
// wire, once more in the canonical URI.
function canonicalPath(rawPath: string): string {
  const segments: string[] = [];
  for (const segment of rawPath.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(encodeRfc3986(segment));
  }
  const trailing = segments.length > 0 && rawPath.endsWith('/') ? '/' : '';
  return `/${segments.join('/')}${trailing}`;
}

function canonicalQuery(rawQuery: string): string {
  if (rawQuery === '') return '';
  const pairs: Array<[string, string]> = [];
  for (const part of rawQuery.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = safeDecode(eq < 0 ? part : part.slice(0, eq));
    const value = eq < 0 ? '' : safeDecode(part.slice(eq + 1));
    if (key.toLowerCase() === 'x-amz-signature') continue;
    pairs.push([encodeRfc3986(key), encodeRfc3986(value)]);
  }
  pairs.sort(([ak, av], [bk, bv]) => (ak < bk ? -1 : ak > bk ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  return pairs.map(([k, v]) => `${k}=${v}`).join('&');
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
