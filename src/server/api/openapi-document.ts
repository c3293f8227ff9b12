import { z } from 'zod';
import type { ApiOperation } from './api-router.ts';

const str = { type: 'string' } as const;
const nullableStr = { type: ['string', 'null'] } as const;
const bool = { type: 'boolean' } as const;
const time = { type: 'string', format: 'date-time' } as const;
/** An object schema whose properties are all required except those named in `optional`. */
const obj = (properties: Record<string, unknown>, optional: readonly string[] = []) => ({
  type: 'object',
  properties,
  required: Object.keys(properties).filter((key) => !optional.includes(key)),
});

/** Response shapes, mirroring src/core/model.ts. */
const SCHEMAS: Record<string, unknown> = {
  Error: obj({ error: obj({ code: str, message: str, field: { ...str, description: 'the input field at fault, e.g. `replyUrls[1]`' } }, ['field']) }),
  User: obj({
    id: str, userPrincipalName: str, displayName: str, mail: nullableStr, enabled: bool,
    attributes: { type: 'object', additionalProperties: str }, createdAt: time, updatedAt: time,
  }),
  Group: obj({ id: str, displayName: str, description: nullableStr, createdAt: time, updatedAt: time }),
  GroupMembership: obj({ groupId: str, memberId: str, memberType: { enum: ['user', 'group'] }, createdAt: time }),
  App: obj({
    id: str, template: { enum: ['aws', 'generic-saml'] }, displayName: str, enabled: bool, visibleInMyApps: bool,
    idpEntityId: str, identifiers: { type: 'array', items: str }, replyUrls: { type: 'array', items: str },
    signOnUrl: nullableStr, relayState: nullableStr,
    nameIdFormat: { enum: ['persistent', 'transient', 'emailAddress', 'unspecified'] }, nameIdSource: str,
    claims: { type: 'array', items: obj({ name: str, namespace: nullableStr, source: { type: 'object' } }) },
    sessionDuration: { type: ['integer', 'null'], minimum: 900, maximum: 43200 },
    signingScope: { enum: ['assertion', 'response', 'both'] }, signingAlgorithm: { enum: ['rsa-sha256', 'rsa-sha1'] },
    authnRequestsSigned: { ...bool, description: 'refuse SP-initiated AuthnRequests not signed by one of spSigningCertificates' },
    spSigningCertificates: { type: 'array', maxItems: 10, items: { ...str, description: 'PEM X.509 certificate, RSA ≥ 1024 bits' } },
    createdAt: time, updatedAt: time,
  }),
  SigningCertificate: obj({
    id: str, appId: str, status: { enum: ['active', 'staged', 'inactive'] }, subject: str, serialNumber: str,
    thumbprintSha1: str, thumbprintSha256: str, keyBits: { type: 'integer' }, notBefore: time, notAfter: time,
    certificatePem: str, createdAt: time,
  }),
  AppRole: obj({
    id: str, appId: str, value: nullableStr, displayName: str, description: nullableStr, enabled: bool,
    origin: { enum: ['default', 'manual', 'import'] }, createdAt: time, updatedAt: time,
  }),
  Assignment: obj({ id: str, appId: str, appRoleId: str, principalId: str, principalType: { enum: ['user', 'group'] }, createdAt: time }),
  ImportSummary: obj({
    received: { type: 'integer' }, added: { type: 'integer' }, updated: { type: 'integer' },
    unchanged: { type: 'integer' }, skipped: { type: 'integer' },
  }),
  SamlPreview: obj({
    acsUrl: str, relayState: nullableStr, audience: str, nameId: obj({ value: str, format: str }),
    attributes: { type: 'array', items: obj({ name: str, values: { type: 'array', items: str } }) },
    samlResponse: { type: 'string', description: 'base64, as the HTTP-POST binding sends it' }, xml: str,
  }),
};

const NEXT_CURSOR = { ...str, description: 'cursor for the next page (pass as `after`); absent on the last page' };

function responseObject(response: ApiOperation['response'], schema: unknown): unknown {
  if (schema) return { description: 'OK', content: { 'application/json': { schema } } };
  if (response.mediaType) return { description: response.description ?? 'OK', content: { [response.mediaType]: { schema: str } } };
  return { description: response.description ?? 'No content' };
}

const ERROR_RESPONSE = { description: 'Error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };

export function buildOpenApiDocument(operations: readonly ApiOperation[], serverUrl: string): unknown {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    const path = op.path.replace(/:(\w+)/g, '{$1}');
    const pathParams = [...op.path.matchAll(/:(\w+)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: str }));
    const queryParams = Object.entries(op.query ?? {}).map(([name, q]) => ({ name, in: 'query', required: q.required ?? false, description: q.description, schema: str }));
    const ref = op.response.schema ? { $ref: `#/components/schemas/${op.response.schema}` } : undefined;
    const schema = ref && op.response.list ? obj({ items: { type: 'array', items: ref }, next: NEXT_CURSOR }, ['next']) : ref;
    (paths[`/api/v1${path}`] ??= {})[op.method] = {
      tags: [op.tag],
      summary: op.summary,
      parameters: [...pathParams, ...queryParams],
      ...(op.body
        ? {
            requestBody: {
              required: !(op.bodyOptional ?? false),
              content: { 'application/json': { schema: z.toJSONSchema(op.body, { io: 'input', unrepresentable: 'any' }) } },
            },
          }
        : {}),
      responses: {
        [op.response.status]: responseObject(op.response, schema),
        default: ERROR_RESPONSE,
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'rolegate admin API',
      version: '1',
      description:
        'Administration of the rolegate identity provider: users, groups, AWS SAML applications, certificates, app roles and assignments. Authenticate with `Authorization: Bearer <token>` from `rolegate token create --name NAME`. Errors are `{"error": {"code", "message", "field"?}}`; unknown fields are refused.',
    },
    servers: [{ url: serverUrl }],
    security: [{ bearer: [] }],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } }, schemas: SCHEMAS },
    paths,
  };
}
