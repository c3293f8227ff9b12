import { RolegateError } from '../errors/rolegate-error.ts';

/** Returns the value, or throws ERR_NOT_FOUND naming what was looked for. */
export function found<T>(value: T | undefined, what: string, id: string): T {
  if (value === undefined) throw new RolegateError('ERR_NOT_FOUND', `${what} '${id}' was not found`);
  return value;
}
