import { z } from 'zod';

// userPrincipalName is an internet-style name (RFC 822 local@domain), as in Entra ID.
const userPrincipalName = z
  .string()
  .trim()
  .min(3)
  .max(256)
  .regex(/^[^\s@]+@[^\s@]+$/, 'must look like name@domain');

/** A free-form user attribute key; claim and NameID sources are checked against it too (app-input.ts). */
export const ATTRIBUTE_KEY = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;
const attributeKey = z.string().regex(ATTRIBUTE_KEY, 'attribute names are letters, digits, _ . - (max 64)');
const attributes = z
  .record(attributeKey, z.string().max(1024))
  .refine((a) => Object.keys(a).length <= 100, 'at most 100 attributes');

// argon2 hashes anything, but a bounded length keeps hashing cost predictable.
export const passwordSchema = z.string().min(8, 'must be at least 8 characters').max(256);

export const createUserInput = z.strictObject({
  userPrincipalName,
  displayName: z.string().trim().min(1).max(256),
  mail: z.email().max(256).nullable().optional(),
  password: passwordSchema.optional(),
  enabled: z.boolean().optional(),
  attributes: attributes.optional(),
});
export type CreateUserInput = z.input<typeof createUserInput>;

export const updateUserInput = z.strictObject({
  userPrincipalName: userPrincipalName.optional(),
  displayName: z.string().trim().min(1).max(256).optional(),
  mail: z.email().max(256).nullable().optional(),
  password: passwordSchema.optional(),
  enabled: z.boolean().optional(),
  attributes: attributes.optional(),
});
export type UpdateUserInput = z.input<typeof updateUserInput>;
