import { X509Certificate } from 'node:crypto';
import { z } from 'zod';
import { ATTRIBUTE_KEY } from '../directory/user-input.ts';
import { signingKeyBits } from './signing-key-bits.ts';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

// An ACS URL receives signed assertions: it must be https, except on loopback where
// the local AWS sandbox and development SPs run over plain http.
export const replyUrl = z
  .string()
  .max(2048)
  .refine((value) => {
    try {
      const url = new URL(value);
      if (url.hash || url.username || url.password) return false;
      return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname));
    } catch {
      return false;
    }
  }, 'must be an absolute https URL (http only for localhost), without credentials or fragment');

const uri = z.string().trim().min(1).max(1024).regex(/^\S+$/, 'must not contain whitespace');

// A built-in user field or an attribute key, with or without Entra's `user.` prefix, read the
// way readUserAttribute reads it: a source can only name something a user can have.
const userFieldSource = z
  .string()
  .refine(
    (source) => ATTRIBUTE_KEY.test(source.startsWith('user.') ? source.slice(5) : source),
    'must name a user field or attribute: a letter, then letters, digits, _ . - (max 64), optionally after "user."',
  );

export const claimSource = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('attribute'), attribute: userFieldSource }),
  z.strictObject({ type: z.literal('roles') }),
  z.strictObject({ type: z.literal('constant'), value: z.string().max(4096) }),
  z.strictObject({ type: z.literal('sessionDuration') }),
]);

export const claim = z.strictObject({
  // Kept exactly as typed: AWS attribute names are case-sensitive (SPEC §3).
  name: z.string().min(1).max(256).regex(/^[^\s/]+$/, 'must not contain whitespace or "/"'),
  namespace: uri.nullable(),
  source: claimSource,
});

// An SP's request-signing key. 1024-bit RSA is still what some SPs ship, and SPEC §3 accepts it
// for AWS metadata; below that, or not RSA (only RSA algorithms are accepted), it is refused.
const MIN_SP_KEY_BITS = 1024;

/** Why a PEM text is not a usable SP signing certificate, or undefined when it is. */
function spCertificateProblem(pem: string): string | undefined {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----/g)?.length ?? 0;
  if (blocks !== 1) return `must hold exactly one PEM certificate, found ${blocks}`;
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(pem);
  } catch {
    return 'is not a valid X.509 PEM certificate';
  }
  const key = certificate.publicKey;
  if (key.asymmetricKeyType !== 'rsa') return `must hold an RSA key, found ${key.asymmetricKeyType ?? 'an unknown key type'}`;
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  if (bits < MIN_SP_KEY_BITS) return `must hold an RSA key of at least ${MIN_SP_KEY_BITS} bits, found ${bits}`;
  return undefined;
}

export const spSigningCertificate = z
  .string()
  .max(16384)
  .superRefine((pem, issues) => {
    const problem = spCertificateProblem(pem);
    if (problem !== undefined) issues.addIssue({ code: 'custom', message: problem });
  });

export const appSettingsShape = {
  displayName: z.string().trim().min(1).max(256),
  enabled: z.boolean(),
  visibleInMyApps: z.boolean(),
  idpEntityId: uri,
  identifiers: z.array(uri).min(1).max(50),
  replyUrls: z.array(replyUrl).min(1).max(100),
  signOnUrl: replyUrl.nullable(),
  relayState: z.string().max(2048).nullable(),
  nameIdFormat: z.enum(['persistent', 'transient', 'emailAddress', 'unspecified']),
  nameIdSource: userFieldSource,
  claims: z.array(claim).max(100),
  // AWS SessionDuration: 900–43200 seconds (SPEC §3).
  sessionDuration: z.number().int().min(900).max(43200).nullable(),
  signingScope: z.enum(['assertion', 'response', 'both']),
  signingAlgorithm: z.enum(['rsa-sha256', 'rsa-sha1']),
  authnRequestsSigned: z.boolean(),
  spSigningCertificates: z.array(spSigningCertificate).max(10),
};

export const updateAppInput = z.strictObject(appSettingsShape).partial();

export const createAppInput = z.strictObject({
  template: z.enum(['aws', 'generic-saml']),
  ...appSettingsShape,
  // The size of the first signing certificate's RSA key.
  certificateKeyBits: signingKeyBits,
}).partial().required({ template: true, displayName: true });
