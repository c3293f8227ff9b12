import type { XmlDocument, XmlElement } from '../xml/xml-dom.ts';
import { SAML_PROTOCOL_NS } from '../namespaces.ts';
import { refuse } from './errors.ts';

/** The document element must be `samlp:Response` in the SAML 2.0 protocol namespace (saml-core §3.3.3). */
export function checkResponseRoot(doc: XmlDocument): XmlElement {
  const root = doc.documentElement;
  if (!root || root.namespaceURI !== SAML_PROTOCOL_NS || root.localName !== 'Response') {
    const found = root ? `{${root.namespaceURI ?? ''}}${root.localName ?? ''}` : 'nothing';
    throw refuse(
      'ERR_SAML_RESPONSE_INVALID',
      'response-root',
      `Root element must be samlp:Response in namespace ${SAML_PROTOCOL_NS}, found ${found}`,
    );
  }
  return root;
}
