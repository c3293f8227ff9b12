import type { StringRule } from '../protocol/param-reader.ts';

// Constraints from the botocore model iam/2010-05-08 (roleNameType, pathType, …).
export const ROLE_NAME = { required: true, min: 1, max: 64, pattern: /^[\w+=,.@-]+$/, patternText: '[\\w+=,.@-]+' } as const satisfies StringRule;
export const USER_NAME = { required: true, min: 1, max: 64, pattern: /^[\w+=,.@-]+$/, patternText: '[\\w+=,.@-]+' } as const satisfies StringRule;
export const POLICY_NAME = { required: true, min: 1, max: 128, pattern: /^[\w+=,.@-]+$/, patternText: '[\\w+=,.@-]+' } as const satisfies StringRule;
export const PATH = {
  min: 1,
  max: 512,
  pattern: /^(\/|\/[\u0021-\u007E]+\/)$/,
  patternText: '(\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)',
} as const satisfies StringRule;
export const PATH_PREFIX = { min: 1, max: 512, pattern: /^\/[\u0021-\u007E]*$/, patternText: '\\u002F[\\u0021-\\u007E]*' } as const satisfies StringRule;
export const DESCRIPTION = {
  min: 0,
  max: 1000,
  pattern: /^[\u0009\u000A\u000D\u0020-\u007E\u00A1-\u00FF]*$/,
  patternText: '[\\u0009\\u000A\\u000D\\u0020-\\u007E\\u00A1-\\u00FF]*',
} as const satisfies StringRule;
export const POLICY_DOCUMENT = {
  required: true,
  min: 1,
  max: 131072,
  pattern: /^[\u0009\u000A\u000D\u0020-\u00FF]+$/,
  patternText: '[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+',
} as const satisfies StringRule;
export const MARKER = { min: 1, max: 320, pattern: /^[\u0020-\u00FF]+$/, patternText: '[\\u0020-\\u00FF]+' } as const satisfies StringRule;
export const SAML_PROVIDER_NAME = { required: true, min: 1, max: 128, pattern: /^[\w._-]+$/, patternText: '[\\w._-]+' } as const satisfies StringRule;
export const SAML_PROVIDER_ARN = { required: true, min: 20, max: 2048 } as const satisfies StringRule;
export const SAML_METADATA_DOCUMENT = { required: true, min: 1000, max: 10_000_000 } as const satisfies StringRule;
export const ACCOUNT_ALIAS = {
  required: true,
  min: 3,
  max: 63,
  pattern: /^[a-z0-9]([a-z0-9]|-(?!-)){1,61}[a-z0-9]$/,
  patternText: '^[a-z0-9]([a-z0-9]|-(?!-)){1,61}[a-z0-9]$',
} as const satisfies StringRule;

export const roleArn = (accountId: string, path: string, roleName: string): string =>
  `arn:aws:iam::${accountId}:role${path}${roleName}`;
export const userArn = (accountId: string, path: string, userName: string): string =>
  `arn:aws:iam::${accountId}:user${path}${userName}`;
export const samlProviderArn = (accountId: string, name: string): string =>
  `arn:aws:iam::${accountId}:saml-provider/${name}`;
