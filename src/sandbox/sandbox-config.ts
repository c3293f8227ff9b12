import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { RolegateError } from '../errors/rolegate-error.ts';

const ACCOUNT_ALIAS = /^[a-z0-9]([a-z0-9]|-(?!-)){1,61}[a-z0-9]$/;

/**
 * `<dataDir>/sandbox/config.json` (or `--config`): accounts to have, and SAML tolerances.
 * Declared accounts are created at start when missing and their alias set from here; keys
 * are generated, never configured.
 */
export const SandboxConfigSchema = z
  .object({
    accounts: z
      .array(
        z
          .object({
            id: z.string().regex(/^\d{12}$/, 'account id must be 12 digits'),
            alias: z.string().regex(ACCOUNT_ALIAS, 'alias must match ^[a-z0-9]([a-z0-9]|-(?!-)){1,61}[a-z0-9]$').optional(),
            name: z.string().min(1).max(50).optional(),
            email: z.string().min(6).max(64).optional(),
            /** IAM's RolesPerAccount quota; AWS's default is 1,000. */
            roleLimit: z.number().int().min(1).max(100_000).optional(),
          })
          .strict(),
      )
      .default([]),
    saml: z
      .object({
        /** Tolerance for NotBefore / NotOnOrAfter checks. */
        clockSkewSeconds: z.number().int().min(0).max(3600).default(300),
        /** AWS still accepts RSA-SHA1 signatures from old IdPs. */
        allowSha1: z.boolean().default(true),
      })
      .strict()
      .default({ clockSkewSeconds: 300, allowSha1: true }),
  })
  .strict();

export type SandboxConfig = z.infer<typeof SandboxConfigSchema>;

/** Reads the config; a missing file at the default path means "no config", a missing explicit one is an error. */
export async function loadSandboxConfig(path: string, explicit: boolean): Promise<SandboxConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && !explicit) return SandboxConfigSchema.parse({});
    throw new RolegateError('ERR_CONFIG', `cannot read sandbox config ${path}: ${(error as Error).message}`, { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new RolegateError('ERR_CONFIG', `sandbox config ${path} is not valid JSON`, { cause });
  }
  const parsed = SandboxConfigSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new RolegateError('ERR_CONFIG', `sandbox config ${path}: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
  }
  const ids = parsed.data.accounts.map((a) => a.id);
  if (new Set(ids).size !== ids.length) throw new RolegateError('ERR_CONFIG', `sandbox config ${path} declares an account twice`);
  return parsed.data;
}
