import { RolegateError } from '../errors/rolegate-error.ts';

/** The HTTP-Redirect binding's parameters (saml-bindings §3.4.4), decoded and as received. */
export interface RedirectBindingQuery {
  samlRequest: string;
  relayState?: string;
  /** The SigAlg URI, decoded. */
  sigAlg?: string;
  /** The Signature parameter, decoded (base64 text). */
  signature?: string;
  /**
   * saml-bindings §3.4.4.1: `SAMLRequest=…&RelayState=…&SigAlg=…` (RelayState only when
   * present) with each value exactly as it appeared in the URL, still URL-encoded. This,
   * not a re-encoding, is what the SP signed.
   */
  signedOctets: string;
  /**
   * The same parameters, values untouched, plus Signature: a query string that carries the
   * request (and its signature) along unchanged, for example through sign-in.
   */
  carriedQuery: string;
}

const PARAMETERS = ['SAMLRequest', 'RelayState', 'SigAlg', 'Signature'] as const;
type Parameter = (typeof PARAMETERS)[number];

/**
 * Reads the raw query string (`URL.search`, with or without its `?`). A repeated parameter is
 * refused: which copy was signed and which one is read could otherwise differ. Values are
 * decoded as application/x-www-form-urlencoded, the way the rest of the server reads queries.
 */
export function readRedirectBindingQuery(search: string): RedirectBindingQuery {
  if (typeof search !== 'string') throw new TypeError('search must be a string');
  const raw = new Map<Parameter, string>();
  const query = search.startsWith('?') ? search.slice(1) : search;
  for (const part of query === '' ? [] : query.split('&')) {
    const eq = part.indexOf('=');
    const name = decodeComponent(eq === -1 ? part : part.slice(0, eq), 'a parameter name');
    const parameter = PARAMETERS.find((p) => p === name);
    if (parameter === undefined) continue;
    if (raw.has(parameter)) throw invalid(parameter, `the ${parameter} parameter appears more than once`);
    raw.set(parameter, eq === -1 ? '' : part.slice(eq + 1));
  }
  const rawRequest = raw.get('SAMLRequest');
  if (rawRequest === undefined) throw invalid('SAMLRequest', 'the SAMLRequest parameter is missing');

  const signedParts = [`SAMLRequest=${rawRequest}`];
  const rawRelayState = raw.get('RelayState');
  if (rawRelayState !== undefined) signedParts.push(`RelayState=${rawRelayState}`);
  const rawSigAlg = raw.get('SigAlg');
  if (rawSigAlg !== undefined) signedParts.push(`SigAlg=${rawSigAlg}`);
  const signedOctets = signedParts.join('&');
  const rawSignature = raw.get('Signature');

  const result: RedirectBindingQuery = {
    samlRequest: decodeComponent(rawRequest, 'SAMLRequest'),
    signedOctets,
    carriedQuery: rawSignature === undefined ? signedOctets : `${signedOctets}&Signature=${rawSignature}`,
  };
  if (rawRelayState !== undefined) result.relayState = decodeComponent(rawRelayState, 'RelayState');
  if (rawSigAlg !== undefined) result.sigAlg = decodeComponent(rawSigAlg, 'SigAlg');
  if (rawSignature !== undefined) result.signature = decodeComponent(rawSignature, 'Signature');
  return result;
}

// application/x-www-form-urlencoded (WHATWG URL §5.1): '+' is a space, then percent-decoding.
function decodeComponent(value: string, what: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch (cause) {
    throw new RolegateError('ERR_SAML_REQUEST_INVALID', `${what} is not validly URL-encoded`, { cause });
  }
}

function invalid(field: string, message: string): RolegateError {
  return new RolegateError('ERR_SAML_REQUEST_INVALID', message, { field });
}
