import { SAML_PROTOCOL_NS } from '../../saml/namespaces.ts';
import { attributeOf, childElements, textOf } from '../../saml/verify/dom.ts';
import type { XmlElement } from '../../saml/xml/xml-dom.ts';
import { SandboxSamlError } from './sandbox-saml-error.ts';

// saml-core §3.2.2.2
const SUCCESS = 'urn:oasis:names:tc:SAML:2.0:status:Success';
const STATUS_PREFIX = 'urn:oasis:names:tc:SAML:2.0:status:';

/**
 * The Response's top-level StatusCode must be Success (saml-core §3.2.2.2). Anything else is
 * the IdP saying authentication failed, which AWS answers with IDPRejectedClaim; a Response
 * without a Status is malformed (Status is required, saml-core §3.2.2).
 */
export function checkStatus(response: XmlElement): void {
  const [status] = childElements(response, SAML_PROTOCOL_NS, 'Status');
  const [code] = status ? childElements(status, SAML_PROTOCOL_NS, 'StatusCode') : [];
  const value = code ? attributeOf(code, 'Value') : undefined;
  if (value === undefined) {
    throw new SandboxSamlError('InvalidIdentityToken', 'check-status', 'The Response has no samlp:Status/samlp:StatusCode with a Value');
  }
  if (value === SUCCESS) return;
  const [second] = code ? childElements(code, SAML_PROTOCOL_NS, 'StatusCode') : [];
  const secondValue = second ? attributeOf(second, 'Value') : undefined;
  const [message] = status ? childElements(status, SAML_PROTOCOL_NS, 'StatusMessage') : [];
  const codes = [value, secondValue].filter((v): v is string => v !== undefined).map((v) => v.replace(STATUS_PREFIX, '')).join('/');
  const said = message ? `: "${textOf(message).slice(0, 200)}"` : '';
  throw new SandboxSamlError('IDPRejectedClaim', 'check-status', `The identity provider answered with status ${codes}, not Success${said}`);
}
