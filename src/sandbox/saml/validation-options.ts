import type { SamlValidationOptions } from './types.ts';

/**
 * AWS does not publish its clock tolerance. Five minutes is the common SAML SP default and
 * keeps the sandbox from refusing what AWS would accept because two clocks disagree a little.
 */
export const DEFAULT_CLOCK_SKEW_SECONDS = 300;

/** SPEC §3: the global endpoint and `https://<region>.signin.aws.amazon.com/saml`. */
export const AWS_SIGN_IN_ENDPOINTS: readonly string[] = Object.freeze([
  'https://signin.aws.amazon.com/saml',
  'https://*.signin.aws.amazon.com/saml',
]);

/** SPEC §3: the Audience values AWS accepts. */
export const AWS_ACCEPTED_AUDIENCES: readonly string[] = Object.freeze(['urn:amazon:webservices', 'https://signin.aws.amazon.com/saml']);

/** Options for one request: AWS's endpoints plus the sandbox's own `/saml`. */
export function createSamlValidationOptions(input: {
  now: Date;
  publicUrl?: string;
  allowSha1?: boolean;
  clockSkewSeconds?: number;
}): SamlValidationOptions {
  const own = input.publicUrl === undefined ? [] : [`${input.publicUrl.replace(/\/+$/, '')}/saml`];
  return {
    now: input.now,
    clockSkewSeconds: input.clockSkewSeconds ?? DEFAULT_CLOCK_SKEW_SECONDS,
    signInEndpoints: [...AWS_SIGN_IN_ENDPOINTS, ...own],
    allowSha1: input.allowSha1 ?? false,
  };
}

/** Exact match, or `*` standing for one lower-case DNS label such as `eu-west-1`. */
export function matchesSignInEndpoint(recipient: string, endpoints: readonly string[]): boolean {
  return endpoints.some((endpoint) => {
    const star = endpoint.indexOf('*');
    if (star === -1) return recipient === endpoint;
    const prefix = endpoint.slice(0, star);
    const suffix = endpoint.slice(star + 1);
    if (!recipient.startsWith(prefix) || !recipient.endsWith(suffix) || recipient.length <= prefix.length + suffix.length) return false;
    return /^[a-z0-9-]+$/.test(recipient.slice(prefix.length, recipient.length - suffix.length));
  });
}
