import { AwsServiceError } from '../errors/aws-service-error.ts';

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The parameters of an AWS Query request: the query string and, for a form POST, the body
 * (`application/x-www-form-urlencoded`). A name given twice keeps its first value; AWS
 * itself refuses duplicates inconsistently, and clients never send them.
 *
 * Unlike URLSearchParams, which turns bytes that are not UTF-8 into U+FFFD, anything that is
 * not percent-encoded UTF-8 is refused, naming the parameter: a metadata document in Latin-1
 * must be refused as such, not parsed with replacement characters.
 */
export function readQueryParams(rawQuery: string, formBody: Uint8Array | undefined): Map<string, string> {
  const params = new Map<string, string>();
  let body = '';
  if (formBody !== undefined) {
    try {
      body = UTF8.decode(formBody);
    } catch {
      throw new AwsServiceError('MalformedQueryString', 'The request body is not UTF-8 text', 400);
    }
  }
  for (const source of [rawQuery, body]) {
    if (source === '') continue;
    for (const pair of source.split('&')) {
      if (pair === '') continue;
      const equals = pair.indexOf('=');
      const key = decodeFormComponent(equals < 0 ? pair : pair.slice(0, equals), 'A parameter name');
      const value = equals < 0 ? '' : decodeFormComponent(pair.slice(equals + 1), `Parameter ${key}`);
      if (!params.has(key)) params.set(key, value);
    }
  }
  return params;
}

function decodeFormComponent(raw: string, what: string): string {
  const spaced = raw.includes('+') ? raw.replace(/\+/g, ' ') : raw;
  if (!spaced.includes('%')) return spaced;
  try {
    return decodeURIComponent(spaced);
  } catch {
    throw new AwsServiceError('MalformedQueryString', `${what.slice(0, 200)} is not percent-encoded UTF-8`, 400);
  }
}

/** `Name.member.1`, `Name.member.2`, … until the first gap (Query protocol list encoding). */
export function readMemberStrings(params: ReadonlyMap<string, string>, name: string): string[] | undefined {
  const values: string[] = [];
  for (let i = 1; params.has(`${name}.member.${i}`); i++) values.push(params.get(`${name}.member.${i}`) ?? '');
  return values.length === 0 && !params.has(name) ? undefined : values;
}

/** `Name.member.N.Field` structures, e.g. `Tags.member.1.Key` / `Tags.member.1.Value`. */
export function readMemberStructures(
  params: ReadonlyMap<string, string>,
  name: string,
  fields: readonly string[],
): Array<Record<string, string | undefined>> | undefined {
  const items: Array<Record<string, string | undefined>> = [];
  for (let i = 1; ; i++) {
    const prefix = `${name}.member.${i}.`;
    if (!fields.some((f) => params.has(prefix + f))) break;
    const item: Record<string, string | undefined> = {};
    for (const field of fields) item[field] = params.get(prefix + field);
    items.push(item);
  }
  return items.length === 0 && !params.has(name) ? undefined : items;
}
