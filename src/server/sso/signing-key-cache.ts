import { createPrivateKey, type KeyObject } from 'node:crypto';
import { loadActiveSigningKey } from '../../core/apps/certificates.ts';
import type { CoreContext } from '../../core/core-context.ts';

export interface SigningKey {
  certificateId: string;
  certificatePem: string;
  privateKey: KeyObject;
}

/**
 * The parsed signing key of each app's active certificate. Unsealing and parsing a PKCS#8
 * key costs far more than a signature's hash, so it happens once per certificate, not once
 * per sign-in. One entry per app, checked against the active certificate id on every use:
 * activating another certificate takes effect on the next request, and the old key is dropped.
 */
export class SigningKeyCache {
  readonly #keys = new Map<string, SigningKey>();
  readonly #ctx: CoreContext;

  constructor(ctx: CoreContext) {
    this.#ctx = ctx;
  }

  async forApp(appId: string): Promise<SigningKey> {
    const active = await loadActiveSigningKey(this.#ctx, appId);
    const cached = this.#keys.get(appId);
    if (cached?.certificateId === active.certificate.id) return cached;
    const key: SigningKey = {
      certificateId: active.certificate.id,
      certificatePem: active.certificate.certificatePem,
      privateKey: createPrivateKey(await active.privateKeyPem()),
    };
    this.#keys.set(appId, key);
    return key;
  }
}
