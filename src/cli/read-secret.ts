import { RolegateError } from '../errors/rolegate-error.ts';

/** Reads one secret from standard input (the first line), so it never appears in argv or shell history. */
export async function readSecretFromStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const value = Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
  if (!value) throw new RolegateError('ERR_VALIDATION', 'no password was given on standard input');
  return value;
}
