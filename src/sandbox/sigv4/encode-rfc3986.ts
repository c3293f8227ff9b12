/**
 * Percent-encodes everything but the RFC 3986 unreserved characters (A–Z a–z 0–9 - . _ ~),
 * as SigV4 canonicalisation and IAM's policy-document encoding both require.
 * `encodeURIComponent` leaves `!'()*` alone, so those are encoded here.
 */
export function encodeRfc3986(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
