import { attributeOf } from '../../saml/verify/dom.ts';
import type { XmlElement } from '../../saml/xml/xml-dom.ts';
import { SandboxSamlError } from './sandbox-saml-error.ts';
import { matchesSignInEndpoint } from './validation-options.ts';

/**
 * SAML 2.0 only: Response and Assertion must both say Version="2.0" (saml-core §3.2.2, §2.3.3,
 * §4.1.2: a receiver refuses a version it does not support). A Destination, when the Response
 * has one, must be a sign-in endpoint, as for Recipient (saml-bindings §3.5.5.2).
 */
export function checkResponseEnvelope(response: XmlElement, assertion: XmlElement, signInEndpoints: readonly string[]): void {
  for (const [element, label] of [[response, 'Response'], [assertion, 'Assertion']] as const) {
    const version = attributeOf(element, 'Version');
    if (version !== '2.0') {
      throw new SandboxSamlError('InvalidIdentityToken', 'check-version', `${label} Version is ${version === undefined ? 'missing' : `"${version}"`}; only SAML 2.0 ("2.0") is accepted`);
    }
  }
  const destination = attributeOf(response, 'Destination');
  if (destination !== undefined && !matchesSignInEndpoint(destination, signInEndpoints)) {
    throw new SandboxSamlError(
      'InvalidIdentityToken',
      'check-destination',
      `Response Destination "${destination}" is not a sign-in endpoint: expected one of ${signInEndpoints.map((e) => `"${e}"`).join(', ')}`,
    );
  }
}
