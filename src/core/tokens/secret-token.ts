import { createHash, randomBytes } from 'node:crypto';

/** A random bearer secret with a readable prefix, and the hash under which it is stored. */
export function newSecretToken(prefix: string): { token: string; tokenHash: string } {
  const token = `${prefix}_${randomBytes(32).toString('base64url')}`;
  return { token, tokenHash: hashSecretToken(token) };
}

// The tokens carry 256 random bits, so a fast hash is enough: there is nothing to brute-force.
export function hashSecretToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
