import { SandboxSamlError } from './sandbox-saml-error.ts';

// saml-core §1.3.3: SAML time values are xs:dateTime in UTC, with no time zone offset.
const UTC_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;

/** Parses a SAML time attribute; refuses anything that is not a UTC xs:dateTime. */
export function parseSamlTime(value: string, what: string): Date {
  const date = new Date(value);
  if (!UTC_DATE_TIME.test(value) || Number.isNaN(date.getTime())) {
    throw new SandboxSamlError('InvalidIdentityToken', 'check-time-window', `${what} "${value}" is not a UTC xs:dateTime`);
  }
  return date;
}
