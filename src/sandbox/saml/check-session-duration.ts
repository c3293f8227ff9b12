import { AWS_SAML_ATTRIBUTES, SESSION_DURATION_MAX_SECONDS, SESSION_DURATION_MIN_SECONDS } from '../../aws/saml-attributes.ts';
import type { ParsedAssertion } from '../../saml/read-assertion.ts';
import { attributeValues } from './attribute-values.ts';
import { SandboxSamlError } from './sandbox-saml-error.ts';

/** SessionDuration, when present: one integer value from 900 to 43200 seconds (SPEC §3). */
export function checkSessionDuration(attributes: ParsedAssertion['attributes']): number | undefined {
  const values = attributeValues(attributes, AWS_SAML_ATTRIBUTES.sessionDuration);
  if (values === undefined) return undefined;
  const fail = (message: string) => new SandboxSamlError('InvalidIdentityToken', 'check-session-duration', message);
  if (values.length !== 1) throw fail(`SessionDuration must have exactly one value, found ${values.length}`);
  const text = (values[0] as string).trim();
  const seconds = /^\d{1,6}$/.test(text) ? Number(text) : Number.NaN;
  if (!(seconds >= SESSION_DURATION_MIN_SECONDS && seconds <= SESSION_DURATION_MAX_SECONDS)) {
    throw fail(`SessionDuration "${text}" is not an integer from ${SESSION_DURATION_MIN_SECONDS} to ${SESSION_DURATION_MAX_SECONDS} seconds`);
  }
  return seconds;
}
