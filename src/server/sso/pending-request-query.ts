import { deflateRawSync } from 'node:zlib';
import type { SpRequest } from './read-sp-request.ts';

/**
 * The query that brings a pending request back after sign-in, through the redirect binding,
 * so it needs no server-side state and is checked again on the way back exactly as now:
 * - redirect binding: the parameters as received, so a query signature still verifies;
 * - POST binding: the received XML deflated unchanged, so an enveloped signature still
 *   verifies (checkAuthnRequestSignature accepts one on a GET for this reason).
 */
export function pendingRequestQuery(request: SpRequest): string {
  if (request.query !== undefined) return request.query.carriedQuery;
  const params = new URLSearchParams({ SAMLRequest: deflateRawSync(Buffer.from(request.xml, 'utf8')).toString('base64') });
  if (request.relayState !== undefined) params.set('RelayState', request.relayState);
  return params.toString();
}
