import type { Context } from 'hono';
import { RolegateError } from '../../errors/rolegate-error.ts';
import type { ServerEnv } from '../server-env.ts';

/**
 * Reads an HTML form post. Only `application/x-www-form-urlencoded` is accepted: the pages
 * never send anything else, and a malformed multipart body must be a 400, not a 500.
 */
export async function readForm(c: Context<ServerEnv>): Promise<Record<string, string>> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/x-www-form-urlencoded\b/i.test(type)) {
    throw new RolegateError('ERR_VALIDATION', 'the form must be sent as application/x-www-form-urlencoded');
  }
  const form: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(await c.req.text())) {
    // The first value of a repeated field wins, so a duplicate cannot override a checked one.
    if (!(name in form)) form[name] = value;
  }
  return form;
}
