import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { SecretBox } from '../core/ports/secret-box.ts';
import { RolegateError } from '../errors/rolegate-error.ts';

export { loadMasterKey, type MasterKey } from './load-master-key.ts';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const BASE64URL = /^[A-Za-z0-9_-]*$/;

function cannotOpen(cause?: unknown): RolegateError {
  return new RolegateError('ERR_CRYPTO', 'The sealed secret cannot be opened: it was altered or sealed with another key', {
    expose: false,
    ...(cause === undefined ? {} : { cause }),
  });
}

/**
 * AES-256-GCM with a random 96-bit IV per seal (NIST SP 800-38D §8.2.2) and the caller's
 * associated data bound in, so a sealed value moved to another record fails to open.
 * Format: `v1.<base64url iv>.<base64url ciphertext||tag>`.
 */
export function createSecretBox(key: Buffer): SecretBox {
  if (!Buffer.isBuffer(key) || key.length !== 32) throw new TypeError('the secret box key must be a 32-byte Buffer');
  const secret = Buffer.from(key);
  return {
    seal(plaintext: string, associatedData: string): string {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', secret, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(Buffer.from(associatedData, 'utf8'));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
      return `${VERSION}.${iv.toString('base64url')}.${body.toString('base64url')}`;
    },
    open(sealed: string, associatedData: string): string {
      const parts = sealed.split('.');
      if (parts.length !== 3 || parts[0] !== VERSION) throw cannotOpen();
      const [, ivText, bodyText] = parts as [string, string, string];
      if (!BASE64URL.test(ivText) || !BASE64URL.test(bodyText)) throw cannotOpen();
      const iv = Buffer.from(ivText, 'base64url');
      const body = Buffer.from(bodyText, 'base64url');
      if (iv.length !== IV_BYTES || body.length < TAG_BYTES) throw cannotOpen();
      try {
        const decipher = createDecipheriv('aes-256-gcm', secret, iv, { authTagLength: TAG_BYTES });
        decipher.setAAD(Buffer.from(associatedData, 'utf8'));
        decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
        const plaintext = Buffer.concat([decipher.update(body.subarray(0, body.length - TAG_BYTES)), decipher.final()]);
        return plaintext.toString('utf8');
      } catch (error) {
        throw cannotOpen(error);
      }
    },
  };
}
