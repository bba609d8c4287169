import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';

export type { components, paths };
export type Schemas = components['schemas'];

/** RFC 9457 problem document, as every error of the API is shaped. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: { field: string; message: string }[];
  [extension: string]: unknown;
}

export type ApiClient = ReturnType<typeof createClient<paths>>;

/**
 * The typed client both SPAs use. Its request and response shapes come from `schema.ts`,
 * which `npm run openapi` generates from the API's OpenAPI document: nothing is hand-written.
 */
export function createApiClient(
  options: {
    baseUrl?: string;
    middleware?: Middleware[];
    fetch?: (request: Request) => Promise<Response>;
  } = {},
): ApiClient {
  const client = createClient<paths>({ baseUrl: options.baseUrl ?? '', fetch: options.fetch });
  for (const m of options.middleware ?? []) client.use(m);
  return client;
}

/** Thrown by `unwrap` for a non-2xx answer; carries the problem document. */
export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
  }
  get status(): number {
    return this.problem.status;
  }
}

/** Turns openapi-fetch's `{ data, error, response }` into data or a thrown ApiError. */
export async function unwrap<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) {
    const problem =
      error && typeof error === 'object' && 'status' in error
        ? (error as Problem)
        : { type: 'about:blank', title: response.statusText || 'Error', status: response.status };
    throw new ApiError(problem);
  }
  return data as T;
}
