import { z } from 'zod';

/** The RSA key sizes rolegate makes signing certificates with. */
export const SIGNING_KEY_BITS = [2048, 3072] as const;

// A bare literal union would answer only "Invalid input"; the message lists what is allowed.
export const signingKeyBits = z.literal(SIGNING_KEY_BITS, { error: `must be one of ${SIGNING_KEY_BITS.join(', ')}` });
