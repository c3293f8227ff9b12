import type { ParsedAssertion } from '../../saml/read-assertion.ts';
import { SandboxSamlError } from './sandbox-saml-error.ts';
import { AWS_ACCEPTED_AUDIENCES } from './validation-options.ts';

/**
 * Every AudienceRestriction must name an audience AWS accepts (saml-core §2.5.1.4: all
 * restrictions apply, any Audience within one satisfies it). No restriction at all cannot be
 * decided in AWS's favour, so it fails.
 */
export function checkAudience(assertion: ParsedAssertion): string[][] {
  const restrictions = assertion.conditions?.audiences ?? [];
  const expected = AWS_ACCEPTED_AUDIENCES.map((a) => `"${a}"`).join(' or ');
  if (restrictions.length === 0 || restrictions.some((r) => r.length === 0)) {
    throw new SandboxSamlError('InvalidIdentityToken', 'check-audience', `The assertion has no Audience: expected ${expected}`);
  }
  for (const restriction of restrictions) {
    if (!restriction.some((audience) => AWS_ACCEPTED_AUDIENCES.includes(audience))) {
      const found = restriction.map((a) => `"${a}"`).join(', ');
      throw new SandboxSamlError('InvalidIdentityToken', 'check-audience', `Audience ${found} is not accepted: expected ${expected}`);
    }
  }
  return restrictions;
}
