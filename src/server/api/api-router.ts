import type { Context, Hono } from 'hono';
import { z } from 'zod';
import type { PageRequest } from '../../core/model.ts';
import { parseInput } from '../../core/parse-input.ts';
import { RolegateError } from '../../errors/rolegate-error.ts';
import type { ServerEnv } from '../server-env.ts';

export interface ApiOperation {
  method: 'get' | 'post' | 'patch' | 'delete';
  /** Hono path under /api/v1, e.g. `/apps/:id/roles`. */
  path: string;
  tag: string;
  summary: string;
  body?: z.ZodType;
  /** An empty request body counts as `{}` (for operations whose fields are all optional). */
  bodyOptional?: boolean;
  query?: Record<string, { description: string; required?: boolean }>;
  /**
   * Name of the response schema in components (see openapi-document.ts), or a description;
   * `mediaType` for a body that is not JSON (a string of that type).
   */
  response: { status: number; schema?: string; list?: boolean; description?: string; mediaType?: string };
  handler: (c: Context<ServerEnv>, body: unknown) => Promise<Response> | Response;
}

/**
 * Registers an operation on the router and records it for the OpenAPI document, so the
 * document cannot drift from the routes that exist.
 */
export class ApiRouter {
  readonly operations: ApiOperation[] = [];
  readonly #app: Hono<ServerEnv>;

  constructor(app: Hono<ServerEnv>) {
    this.#app = app;
  }

  add(operation: ApiOperation): void {
    this.operations.push(operation);
    this.#app.on(operation.method.toUpperCase(), operation.path, async (c) => {
      const body = operation.body ? await readJsonBody(c, operation.bodyOptional ?? false) : undefined;
      return operation.handler(c, body);
    });
  }
}

export async function readJsonBody(c: Context<ServerEnv>, optional = false): Promise<unknown> {
  // No body at all counts as `{}` when every field is optional, however it arrived:
  // `Content-Length: 0` (fetch) or neither Content-Length nor Content-Type (`curl -X POST`).
  const text = optional ? await c.req.text() : undefined;
  if (text === '') return {};
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) {
    throw new RolegateError('ERR_VALIDATION', 'the request body must be JSON (Content-Type: application/json)');
  }
  return parseJson(text ?? (await c.req.text()));
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new RolegateError('ERR_VALIDATION', 'the request body is not valid JSON');
  }
}

const pageQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  after: z.string().max(64).optional(),
});

export const PAGE_QUERY_DOC = {
  limit: { description: 'Page size, 1–1000 (default 100).' },
  after: { description: 'Cursor: the `next` value of the previous page.' },
};

/** Reads `limit` and `after`; other query parameters are the caller's to read. */
export function pageRequest(c: Context<ServerEnv>): PageRequest {
  const { limit, after } = parseInput(pageQuery, { limit: c.req.query('limit'), after: c.req.query('after') });
  return after === undefined ? { limit: limit ?? 100 } : { limit: limit ?? 100, after };
}
