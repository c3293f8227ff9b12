import { randomBytes } from 'node:crypto';

// Crockford base32: sortable, case-insensitive, no ambiguous letters.
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/**
 * A 26-character id whose first 10 characters encode the creation time in milliseconds,
 * so ids sort by creation and keyset pagination (`WHERE id > ?`) lists in creation order.
 * The other 16 characters carry 80 random bits.
 */
export function newId(now: number = Date.now()): string {
  let time = '';
  let t = now;
  for (let i = 0; i < 10; i++) {
    time = ALPHABET[t % 32] + time;
    t = Math.floor(t / 32);
  }
  const bytes = randomBytes(10);
  let random = '';
  let acc = 0;
  let bits = 0;
  for (const byte of bytes) {
    acc = (acc << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      random += ALPHABET[(acc >> bits) & 31];
    }
  }
  return time + random;
}

export const ID_PATTERN = /^[0-9a-hjkmnp-tv-z]{26}$/;
