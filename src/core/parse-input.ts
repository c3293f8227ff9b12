import type { z } from 'zod';
import { RolegateError } from '../errors/rolegate-error.ts';

/**
 * Checks caller input against a schema. The first problem becomes an ERR_VALIDATION
 * whose message names the field, e.g. `sessionDuration: must be at most 43200`.
 * Unknown fields are refused by the (strict) schemas themselves.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  let path = formatPath(issue.path);
  let message = issue.message;
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    path = path ? `${path}.${key}` : key;
    message = 'unknown field';
  }
  throw new RolegateError('ERR_VALIDATION', path ? `${path}: ${message}` : message, { field: path || undefined });
}

function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}
