import { authenticateRequest } from '../auth/authenticate-request.ts';
import { AwsServiceError } from '../errors/aws-service-error.ts';
import { ORGANIZATIONS_ACTIONS } from '../organizations/organizations-actions.ts';
import type { IncomingSignedRequest } from '../sigv4/verify-sigv4-request.ts';
import { jsonErrorCode, mapError } from './map-error.ts';
import type { SandboxRuntime } from './query-context.ts';

const ORGANIZATIONS_TARGET_PREFIX = 'AWSOrganizationsV20161128.';

export interface JsonHttpResult {
  status: number;
  body: string;
}

/** One awsJson1_1 request, routed by `X-Amz-Target` (only Organizations speaks it here). */
export async function handleJsonRequest(
  request: IncomingSignedRequest,
  runtime: SandboxRuntime,
  requestId: string,
): Promise<JsonHttpResult> {
  try {
    const target = request.header('x-amz-target') ?? '';
    const operation = target.startsWith(ORGANIZATIONS_TARGET_PREFIX) ? target.slice(ORGANIZATIONS_TARGET_PREFIX.length) : undefined;
    const action = operation === undefined ? undefined : ORGANIZATIONS_ACTIONS[operation];
    if (action === undefined) {
      throw new AwsServiceError('UnknownOperationException', `Unknown operation ${target}`, 400);
    }
    const now = runtime.now();
    const caller = authenticateRequest(request, runtime.store, 'organizations', now);
    const body = parseJsonBody(request.body);
    const result = await action({ body, caller, runtime, now });
    return { status: 200, body: JSON.stringify(result) };
  } catch (error) {
    const failure = mapError(error, runtime.logger, requestId);
    const reason = (failure as { reason?: string }).reason;
    return {
      status: failure.httpStatus,
      body: JSON.stringify({ __type: jsonErrorCode(failure.code), Message: failure.message, ...(reason === undefined ? {} : { Reason: reason }) }),
    };
  }
}

function parseJsonBody(body: Uint8Array): Record<string, unknown> {
  const text = new TextDecoder().decode(body).trim();
  if (text === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AwsServiceError('SerializationException', 'Request body is not valid JSON', 400);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new AwsServiceError('SerializationException', 'Request body must be a JSON object', 400);
  }
  return value as Record<string, unknown>;
}
