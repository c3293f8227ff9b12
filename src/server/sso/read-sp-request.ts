import type { Context } from 'hono';
import { RolegateError } from '../../errors/rolegate-error.ts';
import { decodePostAuthnRequest, decodeRedirectAuthnRequest } from '../../saml/parse-authn-request.ts';
import { readRedirectBindingQuery, type RedirectBindingQuery } from '../../saml/read-authn-request-signature-query.ts';
import { readForm } from '../middleware/read-form.ts';
import type { ServerEnv } from '../server-env.ts';

// RelayState is capped at 80 bytes by saml-bindings §3.4.3; AWS uses it for a console URL,
// which can be longer, so rolegate allows more but still bounds it.
const MAX_RELAY_STATE = 2048;

export interface SpRequest {
  /** The decoded AuthnRequest XML, not yet checked or parsed. */
  xml: string;
  relayState: string | undefined;
  /** Redirect binding only: the raw query, whose octets a query signature covers. */
  query: RedirectBindingQuery | undefined;
}

/** Reads SAMLRequest and RelayState from the HTTP-Redirect (GET) or HTTP-POST binding and decodes the request. */
export async function readSpRequest(c: Context<ServerEnv>, binding: 'redirect' | 'post'): Promise<SpRequest> {
  let samlRequest: string | undefined;
  let relayState: string | undefined;
  let query: RedirectBindingQuery | undefined;
  if (binding === 'redirect') {
    // The raw query: a redirect-binding signature covers the values exactly as they were encoded.
    query = readRedirectBindingQuery(new URL(c.req.url).search);
    samlRequest = query.samlRequest;
    relayState = query.relayState;
  } else {
    const form = await readForm(c);
    samlRequest = form['SAMLRequest'];
    relayState = form['RelayState'];
  }
  if (!samlRequest) throw new RolegateError('ERR_SAML_REQUEST_INVALID', 'the SAMLRequest parameter is missing');
  if (relayState !== undefined && relayState.length > MAX_RELAY_STATE) {
    throw new RolegateError('ERR_SAML_REQUEST_INVALID', `RelayState must be at most ${MAX_RELAY_STATE} characters`);
  }
  const xml = binding === 'redirect' ? decodeRedirectAuthnRequest(samlRequest) : decodePostAuthnRequest(samlRequest);
  return { xml, relayState, query };
}
