import { createHash, timingSafeEqual } from 'node:crypto';
import { AwsServiceError } from '../errors/aws-service-error.ts';
import { buildCanonicalRequest } from './build-canonical-request.ts';
import { deriveSigningKey, signStringToSign } from './derive-signing-key.ts';
import { parseAuthorizationHeader, type SigV4Authorization } from './parse-authorization-header.ts';

export interface IncomingSignedRequest {
  method: string;
  rawPath: string;
  rawQuery: string;
  /** Lookup by lowercase name. */
  header: (name: string) => string | undefined;
  body: Uint8Array;
}

export interface SigV4Claim extends SigV4Authorization {
  /** The request time the client signed (`X-Amz-Date`). */
  requestTime: Date;
  amzDate: string;
  /** `X-Amz-Security-Token`, present for temporary credentials. */
  securityToken: string | undefined;
}

/** AWS allows 15 minutes between the signed time and its own clock. */
export const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;
const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

export const signatureDoesNotMatch = (
  message = 'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
): AwsServiceError => new AwsServiceError('SignatureDoesNotMatch', message, 403);

/** Reads the SigV4 claim from the Authorization header; undefined when the request is unsigned. */
export function readSigV4Claim(request: IncomingSignedRequest): SigV4Claim | undefined {
  const header = request.header('authorization');
  if (header === undefined) return undefined;
  const auth = parseAuthorizationHeader(header);
  for (const required of ['host', 'x-amz-date']) {
    if (!auth.signedHeaders.includes(required) && !(required === 'x-amz-date' && auth.signedHeaders.includes('date'))) {
      throw new AwsServiceError('IncompleteSignature', `'${required}' must be a signed header`, 400);
    }
  }
  const amzDate = request.header('x-amz-date') ?? toAmzDate(request.header('date'));
  if (amzDate === undefined || !/^\d{8}T\d{6}Z$/.test(amzDate)) {
    throw new AwsServiceError('IncompleteSignature', `Authorization requires an 'X-Amz-Date' header of the form YYYYMMDD'T'HHMMSS'Z'`, 400);
  }
  if (auth.scopeDate !== amzDate.slice(0, 8)) {
    throw signatureDoesNotMatch(
      `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${auth.scopeDate}' != '${amzDate.slice(0, 8)}', from '${amzDate}'.`,
    );
  }
  const requestTime = new Date(
    `${amzDate.slice(0, 4)}-${amzDate.slice(4, 6)}-${amzDate.slice(6, 8)}T${amzDate.slice(9, 11)}:${amzDate.slice(11, 13)}:${amzDate.slice(13, 15)}Z`,
  );
  if (Number.isNaN(requestTime.getTime())) throw new AwsServiceError('IncompleteSignature', `X-Amz-Date '${amzDate}' is not a date`, 400);
  return { ...auth, requestTime, amzDate, securityToken: request.header('x-amz-security-token') };
}

/** Refuses a signature whose time is more than 15 minutes away from `now` (either way). */
export function checkSignatureTime(claim: SigV4Claim, now: Date): void {
  const skew = claim.requestTime.getTime() - now.getTime();
  if (skew < -MAX_CLOCK_SKEW_MS) {
    throw signatureDoesNotMatch(
      `Signature expired: ${claim.amzDate} is now earlier than ${toAmzDate(new Date(now.getTime() - MAX_CLOCK_SKEW_MS))} (${toAmzDate(now)} - 15 min.)`,
    );
  }
  if (skew > MAX_CLOCK_SKEW_MS) {
    throw signatureDoesNotMatch(
      `Signature not yet current: ${claim.amzDate} is still later than ${toAmzDate(new Date(now.getTime() + MAX_CLOCK_SKEW_MS))} (${toAmzDate(now)} + 15 min.)`,
    );
  }
}

/** Recomputes the signature with `secretAccessKey` and compares in constant time. */
export function checkSignature(request: IncomingSignedRequest, claim: SigV4Claim, secretAccessKey: string): void {
  const bodyHash = request.body.length === 0 ? EMPTY_SHA256 : createHash('sha256').update(request.body).digest('hex');
  const claimedHash = request.header('x-amz-content-sha256');
  // A signed claim about the payload must be true, or the signature would not cover the body.
  if (claimedHash !== undefined && claimedHash !== bodyHash) {
    throw new AwsServiceError(
      'XAmzContentSHA256Mismatch',
      "The provided 'x-amz-content-sha256' header does not match what was computed.",
      400,
    );
  }
  const canonical = buildCanonicalRequest({
    method: request.method,
    rawPath: request.rawPath,
    rawQuery: request.rawQuery,
    header: request.header,
    signedHeaders: claim.signedHeaders,
    payloadHash: bodyHash,
  });
  if (canonical === undefined) throw signatureDoesNotMatch();
  const stringToSign = [
    'AWS4-HMAC-SHA256',
    claim.amzDate,
    claim.scope,
    createHash('sha256').update(canonical, 'utf8').digest('hex'),
  ].join('\n');
  const expected = signStringToSign(deriveSigningKey(secretAccessKey, claim.scopeDate, claim.region, claim.service), stringToSign);
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(claim.signature, 'utf8');
  if (a.length !== b.length || !timingSafeEqual(a, b)) throw signatureDoesNotMatch();
}

function toAmzDate(value: Date | string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return undefined;
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}
