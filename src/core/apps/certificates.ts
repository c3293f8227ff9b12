import { z } from 'zod';
import { RolegateError } from '../../errors/rolegate-error.ts';
import type { CoreContext } from '../core-context.ts';
import type { App, CertificateStatus, SealedPrivateKey, SigningCertificate } from '../model.ts';
import { newId } from '../new-id.ts';
import { found } from '../not-found.ts';
import { parseInput } from '../parse-input.ts';
import { signingKeyBits } from './signing-key-bits.ts';

export const createCertificateInput = z.strictObject({
  keyBits: signingKeyBits.optional(),
  // A new certificate is staged by default: published in metadata, so every AWS account
  // can learn it before it starts signing.
  status: z.enum(['staged', 'inactive']).optional(),
});

export const updateCertificateInput = z.strictObject({
  status: z.enum(['active', 'staged', 'inactive']),
});

/** Makes a certificate and seals its key; the caller stores both. */
export async function issueCertificate(
  ctx: CoreContext,
  app: Pick<App, 'id' | 'displayName'>,
  options: { keyBits: 2048 | 3072; status: CertificateStatus },
): Promise<{ certificate: SigningCertificate; sealedKey: SealedPrivateKey }> {
  const now = ctx.now();
  const made = await ctx.certificates.create({ commonName: 'rolegate SSO Certificate', keyBits: options.keyBits, now });
  const id = newId();
  return {
    certificate: {
      id,
      appId: app.id,
      status: options.status,
      subject: made.subject,
      serialNumber: made.serialNumber,
      thumbprintSha1: made.thumbprintSha1,
      thumbprintSha256: made.thumbprintSha256,
      keyBits: made.keyBits,
      notBefore: made.notBefore.toISOString(),
      notAfter: made.notAfter.toISOString(),
      certificatePem: made.certificatePem,
      createdAt: now.toISOString(),
    },
    // Bound to the certificate id so a sealed key cannot be swapped onto another certificate.
    sealedKey: { certificateId: id, sealedKey: ctx.secrets.seal(made.privateKeyPem, sealedKeyContext(id)) },
  };
}

export function sealedKeyContext(certificateId: string): string {
  return `rolegate:signing-key:${certificateId}`;
}

export async function createCertificate(ctx: CoreContext, appId: string, input: unknown): Promise<SigningCertificate> {
  const data = parseInput(createCertificateInput, input ?? {});
  const app = found(await ctx.store.apps.get(appId), 'app', appId);
  const made = await issueCertificate(ctx, app, { keyBits: data.keyBits ?? 2048, status: data.status ?? 'staged' });
  return ctx.store.certificates.insert(made.certificate, made.sealedKey);
}

export async function listCertificates(ctx: CoreContext, appId: string): Promise<SigningCertificate[]> {
  found(await ctx.store.apps.get(appId), 'app', appId);
  return ctx.store.certificates.listForApp(appId);
}

export async function getCertificate(ctx: CoreContext, appId: string, id: string): Promise<SigningCertificate> {
  return found(await ctx.store.certificates.get(appId, id), 'certificate', id);
}

/**
 * Changes a certificate's status while keeping exactly one active certificate per app:
 * only a staged certificate can be activated; activating it demotes the previous active one
 * to `staged` (still published, so responses signed a moment ago keep verifying); the
 * active one cannot be demoted directly. Two activations at once land one after the other:
 * the store runs write transactions one at a time, on every node, and its one-active index
 * (migration 0003) turns anything that slips past into ERR_CONFLICT.
 */
export async function setCertificateStatus(ctx: CoreContext, appId: string, id: string, input: unknown): Promise<SigningCertificate> {
  const { status } = parseInput(updateCertificateInput, input);
  return ctx.store.transaction(async (tx) => {
    const certificate = found(await tx.certificates.get(appId, id), 'certificate', id);
    if (certificate.status === status) return certificate;
    if (certificate.status === 'active') {
      throw new RolegateError('ERR_CONFLICT', `certificate '${id}' is the active signing certificate: activate another one first`, {
        field: 'status',
      });
    }
    if (status === 'active') {
      // Only a staged certificate has been published in the metadata; activating one that
      // never was would make every AWS account reject the next response.
      if (certificate.status !== 'staged') {
        throw new RolegateError('ERR_CONFLICT', `certificate '${id}' is ${certificate.status}: stage it first, so AWS accounts learn it from the metadata before it signs`, {
          field: 'status',
        });
      }
      if (Date.parse(certificate.notAfter) <= ctx.now().getTime()) {
        throw new RolegateError('ERR_CONFLICT', `certificate '${id}' expired on ${certificate.notAfter} and cannot sign`, { field: 'status' });
      }
      const current = (await tx.certificates.listForApp(appId)).filter((c) => c.status === 'active');
      for (const c of current) await tx.certificates.setStatus(appId, c.id, 'staged');
    }
    return found(await tx.certificates.setStatus(appId, id, status), 'certificate', id);
  });
}

export async function deleteCertificate(ctx: CoreContext, appId: string, id: string): Promise<void> {
  await ctx.store.transaction(async (tx) => {
    const certificate = found(await tx.certificates.get(appId, id), 'certificate', id);
    if (certificate.status === 'active') {
      throw new RolegateError('ERR_CONFLICT', `certificate '${id}' is the active signing certificate and cannot be deleted`);
    }
    await tx.certificates.delete(appId, id);
  });
}

/** The active certificate and its private key (PEM), for signing. */
export async function loadActiveSigningKey(
  ctx: CoreContext,
  appId: string,
): Promise<{ certificate: SigningCertificate; privateKeyPem: () => Promise<string> }> {
  const active = (await ctx.store.certificates.listForApp(appId)).find((c) => c.status === 'active');
  if (!active) {
    throw new RolegateError('ERR_CONFLICT', `app '${appId}' has no active signing certificate: activate one first`);
  }
  return {
    certificate: active,
    privateKeyPem: async () => {
      const sealed = found(await ctx.store.certificates.getSealedKey(active.id), 'signing key of certificate', active.id);
      return ctx.secrets.open(sealed.sealedKey, sealedKeyContext(active.id));
    },
  };
}
