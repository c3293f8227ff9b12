import { authenticateRequest } from '../auth/authenticate-request.ts';
import type { Caller } from '../auth/caller.ts';
import { AwsServiceError } from '../errors/aws-service-error.ts';
import { IAM_ACTIONS } from '../iam/iam-actions.ts';
import { parseAuthorizationHeader } from '../sigv4/parse-authorization-header.ts';
import type { IncomingSignedRequest } from '../sigv4/verify-sigv4-request.ts';
import { STS_ACTIONS } from '../sts/sts-actions.ts';
import { mapError } from './map-error.ts';
import type { QueryActionTable, SandboxRuntime } from './query-context.ts';
import { readQueryParams } from './read-query-params.ts';
import { IAM_NAMESPACE, STS_NAMESPACE, writeQueryError, writeQueryResponse } from './write-query-xml.ts';

interface QueryService {
  name: 'iam' | 'sts';
  namespace: string;
  actions: QueryActionTable;
}

const SERVICES: Readonly<Record<string, QueryService>> = {
  '2010-05-08': { name: 'iam', namespace: IAM_NAMESPACE, actions: IAM_ACTIONS },
  '2011-06-15': { name: 'sts', namespace: STS_NAMESPACE, actions: STS_ACTIONS },
};

export interface QueryHttpResult {
  status: number;
  body: string;
}

/**
 * One AWS Query request (IAM or STS): the service comes from `Version`, or, when that is
 * missing, from the SigV4 credential scope. Unsigned calls are accepted only for actions
 * marked `unsigned` (AssumeRoleWithSAML).
 */
export async function handleQueryRequest(
  request: IncomingSignedRequest,
  runtime: SandboxRuntime,
  requestId: string,
): Promise<QueryHttpResult> {
  const isForm = (request.header('content-type') ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded');
  let service: QueryService | undefined;
  try {
    const params = readQueryParams(request.rawQuery, request.method === 'POST' && isForm ? request.body : undefined);
    service = pickService(params.get('Version'), request.header('authorization'));
    if (service === undefined) {
      throw new AwsServiceError('InvalidAction', `Could not find a service for version ${params.get('Version') ?? '(none)'}`, 400);
    }
    const action = params.get('Action');
    const entry = action === undefined ? undefined : service.actions[action];
    if (action === undefined || entry === undefined) {
      throw new AwsServiceError('InvalidAction', `Could not find operation ${action ?? '(none)'} for version ${params.get('Version') ?? ''}`, 400);
    }
    const now = runtime.now();
    const caller: Caller | undefined = entry.unsigned ? undefined : authenticateRequest(request, runtime.store, service.name, now);
    const result = await entry.run({ params, caller, runtime, now, requestId });
    return { status: 200, body: writeQueryResponse(action, service.namespace, result, requestId) };
  } catch (error) {
    const failure = mapError(error, runtime.logger, requestId);
    return {
      status: failure.httpStatus,
      body: writeQueryError(service?.namespace ?? IAM_NAMESPACE, { type: failure.type, code: failure.code, message: failure.message }, requestId),
    };
  }
}

function pickService(version: string | undefined, authorization: string | undefined): QueryService | undefined {
  if (version !== undefined) return SERVICES[version];
  if (authorization === undefined) return undefined;
  try {
    const scope = parseAuthorizationHeader(authorization).service;
    return Object.values(SERVICES).find((s) => s.name === scope);
  } catch {
    return undefined;
  }
}
