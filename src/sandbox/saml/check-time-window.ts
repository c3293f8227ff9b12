import type { ParsedAssertion } from '../../saml/read-assertion.ts';
import { parseSamlTime } from './parse-saml-time.ts';
import { SandboxSamlError } from './sandbox-saml-error.ts';

export interface TimeWindow {
  /** Earliest NotOnOrAfter of Conditions and SubjectConfirmationData. */
  notOnOrAfter: Date;
  sessionNotOnOrAfter?: Date;
}

/**
 * The assertion must be valid now, with `clockSkewSeconds` of tolerance on each bound:
 * IssueInstant and Conditions/NotBefore not in the future, Conditions/NotOnOrAfter,
 * SubjectConfirmationData/NotOnOrAfter and SessionNotOnOrAfter not past. AWS answers all of
 * these with ExpiredTokenException ("expired or is not valid").
 */
export function checkTimeWindow(assertion: ParsedAssertion, confirmationNotOnOrAfter: string, now: Date, clockSkewSeconds: number): TimeWindow {
  const skew = clockSkewSeconds * 1000;
  const t = now.getTime();
  const at = now.toISOString();
  const expired = (message: string) => new SandboxSamlError('ExpiredTokenException', 'check-time-window', message);

  const issueInstant = parseSamlTime(assertion.issueInstant, 'Assertion IssueInstant');
  if (issueInstant.getTime() - skew > t) throw expired(`Assertion IssueInstant ${assertion.issueInstant} is in the future (now ${at})`);

  const notBeforeText = assertion.conditions?.notBefore;
  if (notBeforeText !== undefined && parseSamlTime(notBeforeText, 'Conditions NotBefore').getTime() - skew > t) {
    throw expired(`The assertion is not yet valid: Conditions NotBefore ${notBeforeText} is after now (${at})`);
  }
  const bounds: Array<[string, string]> = [['SubjectConfirmationData NotOnOrAfter', confirmationNotOnOrAfter]];
  const conditionsEnd = assertion.conditions?.notOnOrAfter;
  if (conditionsEnd !== undefined) bounds.push(['Conditions NotOnOrAfter', conditionsEnd]);
  let notOnOrAfter: Date | undefined;
  for (const [what, text] of bounds) {
    const end = parseSamlTime(text, what);
    if (end.getTime() + skew <= t) throw expired(`The assertion has expired: ${what} ${text} is not after now (${at})`);
    if (notOnOrAfter === undefined || end < notOnOrAfter) notOnOrAfter = end;
  }

  let sessionNotOnOrAfter: Date | undefined;
  for (const statement of assertion.authnStatements) {
    if (statement.sessionNotOnOrAfter === undefined) continue;
    const end = parseSamlTime(statement.sessionNotOnOrAfter, 'AuthnStatement SessionNotOnOrAfter');
    if (end.getTime() <= t) throw expired(`The session has expired: SessionNotOnOrAfter ${statement.sessionNotOnOrAfter} is not after now (${at})`);
    if (sessionNotOnOrAfter === undefined || end < sessionNotOnOrAfter) sessionNotOnOrAfter = end;
  }
  return { notOnOrAfter: notOnOrAfter as Date, ...(sessionNotOnOrAfter ? { sessionNotOnOrAfter } : {}) };
}
