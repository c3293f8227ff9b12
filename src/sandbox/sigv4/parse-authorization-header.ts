import { AwsServiceError } from '../errors/aws-service-error.ts';

export interface SigV4Authorization {
  accessKeyId: string;
  /** `YYYYMMDD` from the credential scope. */
  scopeDate: string;
  region: string;
  service: string;
  /** `<date>/<region>/<service>/aws4_request` */
  scope: string;
  signedHeaders: string[];
  signature: string;
}

const ALGORITHM = 'AWS4-HMAC-SHA256';

const incomplete = (message: string): AwsServiceError => new AwsServiceError('IncompleteSignature', message, 400);

/**
 * Parses `AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/iam/aws4_request,
 * SignedHeaders=host;x-amz-date, Signature=<64 hex>` (SigV4 "Add the signature to the request").
 */
export function parseAuthorizationHeader(header: string): SigV4Authorization {
  const trimmed = header.trim();
  if (!trimmed.startsWith(`${ALGORITHM} `)) {
    throw incomplete(`Authorization header requires the ${ALGORITHM} algorithm`);
  }
  const fields = new Map<string, string>();
  for (const part of trimmed.slice(ALGORITHM.length).split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) throw incomplete(`Authorization header requires 'Credential', 'SignedHeaders' and 'Signature'`);
    const name = part.slice(0, eq).trim();
    if (fields.has(name)) throw incomplete(`Authorization header repeats '${name}'`);
    fields.set(name, part.slice(eq + 1).trim());
  }
  const credential = fields.get('Credential');
  const signedHeaders = fields.get('SignedHeaders');
  const signature = fields.get('Signature');
  if (credential === undefined || signedHeaders === undefined || signature === undefined || fields.size !== 3) {
    throw incomplete(`Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' parameters`);
  }
  const parts = credential.split('/');
  if (parts.length !== 5 || parts[4] !== 'aws4_request') {
    throw incomplete(`Credential must have the form <key>/<date>/<region>/<service>/aws4_request, got '${credential}'`);
  }
  const [accessKeyId, scopeDate, region, service] = parts as [string, string, string, string];
  if (!/^[A-Za-z0-9]{1,128}$/.test(accessKeyId)) throw incomplete('Credential has a malformed access key id');
  if (!/^\d{8}$/.test(scopeDate)) throw incomplete(`Credential date '${scopeDate}' is not YYYYMMDD`);
  if (!/^[a-z0-9-]{1,32}$/.test(region) || !/^[a-z0-9-]{1,64}$/.test(service)) {
    throw incomplete('Credential has a malformed region or service');
  }
  if (!/^[0-9a-f]{64}$/.test(signature)) throw incomplete('Signature must be 64 lowercase hex characters');
  const headerNames = signedHeaders.split(';');
  if (headerNames.some((h) => !/^[a-z0-9!#$%&'*+.^_`|~-]+$/.test(h))) {
    throw incomplete('SignedHeaders must be lowercase header names separated by semicolons');
  }
  return {
    accessKeyId,
    scopeDate,
    region,
    service,
    scope: parts.slice(1).join('/'),
    signedHeaders: headerNames,
    signature,
  };
}
