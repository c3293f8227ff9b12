/**
 * The form fields of the HTTP-POST binding (saml-bindings §3.5.4): the message is the base64
 * of its UTF-8 bytes, and RelayState goes back unchanged when there is one. The auto-submitting
 * HTML form around them is rendered (and HTML-escaped) by the server.
 */
export function buildPostBindingFields(xml: string, relayState?: string): { SAMLResponse: string; RelayState?: string } {
  if (typeof xml !== 'string' || xml.length === 0) throw new TypeError('xml must be a non-empty string');
  const fields: { SAMLResponse: string; RelayState?: string } = {
    SAMLResponse: Buffer.from(xml, 'utf8').toString('base64'),
  };
  if (relayState !== undefined) {
    if (typeof relayState !== 'string') throw new TypeError('relayState must be a string');
    fields.RelayState = relayState;
  }
  return fields;
}
