/**
 * The parameters of an AWS Query request: the query string and, for a form POST, the body
 * (`application/x-www-form-urlencoded`). A name given twice keeps its first value; AWS
 * itself refuses duplicates inconsistently, and clients never send them.
 */
export function readQueryParams(rawQuery: string, formBody: string | undefined): Map<string, string> {
  const params = new Map<string, string>();
  for (const source of [rawQuery, formBody ?? '']) {
    for (const [key, value] of new URLSearchParams(source)) {
      if (!params.has(key)) params.set(key, value);
    }
  }
  return params;
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
