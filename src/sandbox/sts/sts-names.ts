import type { StringRule } from '../protocol/param-reader.ts';

// Constraints from the botocore model sts/2011-06-15.
export const ROLE_ARN = { required: true, min: 20, max: 2048 } as const satisfies StringRule;
export const ROLE_SESSION_NAME = { required: true, min: 2, max: 64, pattern: /^[\w+=,.@-]*$/, patternText: '[\\w+=,.@-]*' } as const satisfies StringRule;
export const EXTERNAL_ID = { min: 2, max: 1224, pattern: /^[\w+=,.@:/-]*$/, patternText: '[\\w+=,.@:\\/-]*' } as const satisfies StringRule;
export const SAML_ASSERTION = { required: true, min: 4, max: 100_000 } as const satisfies StringRule;
export const DURATION = { min: 900, max: 43200 };

const ROLE_ARN_PATTERN = /^arn:aws:iam::(\d{12}):role\/(?:[\u0021-\u007E]*\/)?([\w+=,.@-]{1,64})$/;

/** `arn:aws:iam::<account>:role/<path/><name>` → account and name; undefined otherwise. */
export function parseRoleArn(arn: string): { accountId: string; roleName: string } | undefined {
  const match = ROLE_ARN_PATTERN.exec(arn);
  return match === null ? undefined : { accountId: match[1] as string, roleName: match[2] as string };
}
