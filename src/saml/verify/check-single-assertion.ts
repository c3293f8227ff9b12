import type { XmlDocument, XmlElement } from '../xml/xml-dom.ts';
import { SAML_ASSERTION_NS } from '../namespaces.ts';
import { allElements, childElements, pathOf } from './dom.ts';
import { refuse } from './errors.ts';

/**
 * The Response must carry exactly one plain Assertion as a direct child, and the document
 * must hold no other Assertion anywhere: a second copy (in Extensions, Advice, Object...)
 * is the raw material of every XSW variant. EncryptedAssertion is not supported.
 */
export function checkSingleAssertion(doc: XmlDocument, response: XmlElement): XmlElement {
  const encrypted = allElements(doc).filter(
    (element) => element.namespaceURI === SAML_ASSERTION_NS && element.localName === 'EncryptedAssertion',
  );
  if (encrypted.length > 0) {
    throw refuse(
      'ERR_SAML_RESPONSE_INVALID',
      'single-assertion',
      'Response contains an EncryptedAssertion; encrypted assertions are not supported, send a signed plain Assertion',
    );
  }
  const everywhere = allElements(doc).filter(
    (element) => element.namespaceURI === SAML_ASSERTION_NS && element.localName === 'Assertion',
  );
  const direct = childElements(response, SAML_ASSERTION_NS, 'Assertion');
  if (direct.length !== 1) {
    throw refuse(
      'ERR_SAML_RESPONSE_INVALID',
      'single-assertion',
      `Response must contain exactly one Assertion as a direct child, found ${direct.length}`,
    );
  }
  if (everywhere.length !== 1) {
    const stray = everywhere.find((element) => element !== direct[0]) as XmlElement;
    throw refuse(
      'ERR_SAML_RESPONSE_INVALID',
      'single-assertion',
      `Document contains ${everywhere.length} Assertion elements (another one at ${pathOf(stray)}); exactly one is accepted`,
    );
  }
  return direct[0] as XmlElement;
}
