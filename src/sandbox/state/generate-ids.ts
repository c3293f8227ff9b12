import { randomBytes, randomInt } from 'node:crypto';

// Access key ids use the base32 alphabet AWS uses (A–Z, 2–7); unique ids use A–Z and 0–9.
const KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const UNIQUE_ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

function randomString(alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

/** Long-term key of an account root or IAM user: `AKIA` + 16 characters. */
export const newLongTermAccessKeyId = (): string => `AKIA${randomString(KEY_ALPHABET, 16)}`;
/** Temporary key issued by STS: `ASIA` + 16 characters. */
export const newTemporaryAccessKeyId = (): string => `ASIA${randomString(KEY_ALPHABET, 16)}`;
/** 40-character secret, the length and alphabet of AWS secrets (base64 of 30 bytes). */
export const newSecretAccessKey = (): string => randomBytes(30).toString('base64');
export const newSessionToken = (): string => `IQoJb3JpZ2luX2VjE${randomBytes(192).toString('base64')}`;
/** IAM unique ids: a 4-letter prefix naming the kind (AROA role, AIDA user) + 17 characters. */
export const newRoleId = (): string => `AROA${randomString(UNIQUE_ID_ALPHABET, 17)}`;
export const newUserId = (): string => `AIDA${randomString(UNIQUE_ID_ALPHABET, 17)}`;
export const newAccountId = (): string => String(randomInt(100_000_000_000, 999_999_999_999)).padStart(12, '0');
export const newOrganizationId = (): string => `o-${randomString('abcdefghijklmnopqrstuvwxyz0123456789', 10)}`;
export const newRootId = (): string => `r-${randomString('abcdefghijklmnopqrstuvwxyz0123456789', 4)}`;
/** Organizations CreateAccount request ids: `car-` + 32 lowercase letters and digits. */
export const newCreateAccountRequestId = (): string => `car-${randomString('abcdefghijklmnopqrstuvwxyz0123456789', 32)}`;
