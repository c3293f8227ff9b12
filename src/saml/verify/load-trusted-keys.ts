import { createPublicKey, type KeyObject } from 'node:crypto';

// Parsed keys by PEM text. Bounded, oldest entry first out: a provider's certificates are few
// and stable, and the PEM text is the whole identity of what was parsed.
const MAX_CACHED_KEYS = 256;
const cache = new Map<string, KeyObject>();

/** Parses trusted certificates (once per PEM text); only RSA keys can verify the accepted algorithms. */
export function loadTrustedKeys(certificatesPem: readonly string[]): KeyObject[] {
  const keys: KeyObject[] = [];
  for (const pem of certificatesPem) {
    const key = parsePublicKey(pem);
    if (key.asymmetricKeyType === 'rsa') keys.push(key);
  }
  return keys;
}

function parsePublicKey(pem: string): KeyObject {
  const cached = cache.get(pem);
  if (cached !== undefined) return cached;
  let key: KeyObject;
  try {
    key = createPublicKey(pem);
  } catch (cause) {
    throw new TypeError('A trusted certificate is not a valid PEM certificate or public key', { cause });
  }
  if (cache.size >= MAX_CACHED_KEYS) cache.delete(cache.keys().next().value as string);
  cache.set(pem, key);
  return key;
}
