import type { ErrorDetail } from '@lead-pact/contracts';

/*
 * Transport-neutral half of the backend client: it gets the `hubspot.fetch` function handed in, so this folder
 * imports no package at runtime (HubSpot builds each extension folder with its own node_modules).
 */

/** What went wrong talking to the backend, in terms a screen can act on. */
export type BackendErrorKind = 'invalid_input' | 'unreachable' | 'rejected' | 'bad_response';

/** The one error the extensions' backend calls throw. `details` name fields for `invalid_input`. */
export class BackendError extends Error {
  constructor(
    readonly kind: BackendErrorKind,
    message: string,
    readonly details: ErrorDetail[] = [],
    readonly status: number | null = null,
  ) {
    super(message);
    this.name = 'BackendError';
  }
}

/** The subset of a zod schema the client needs (kept structural so no zod import is needed here). */
export interface ResponseSchema<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: unknown };
}

export interface BackendRequest {
  path: string;
  method?: 'GET' | 'POST' | 'PUT';
  body?: Record<string, unknown>;
}

type Fetcher = (
  url: string,
  options: { method: 'GET' | 'POST' | 'PUT'; body?: Record<string, unknown>; timeout?: number },
) => Promise<Response>;

const TIMEOUT_MS = 10_000;

/** Calls the backend and parses the answer with `schema`; every failure becomes a BackendError. */
export async function callBackend<T>(
  fetcher: Fetcher,
  baseUrl: string,
  request: BackendRequest,
  schema: ResponseSchema<T>,
): Promise<T> {
  const method = request.method ?? 'GET';
  let response: Response;
  try {
    response = await fetcher(`${baseUrl}${request.path}`, {
      method,
      body: request.body,
      timeout: TIMEOUT_MS,
    });
  } catch (error) {
    throw new BackendError('unreachable', error instanceof Error ? error.message : String(error));
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw errorFromAnswer(response.status, body);
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new BackendError(
      'bad_response',
      `unexpected answer from ${method} ${request.path}`,
      [],
      response.status,
    );
  }
  return parsed.data;
}

function errorFromAnswer(status: number, body: unknown): BackendError {
  const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined)
    ?.error;
  const message = typeof error?.message === 'string' ? error.message : `HTTP ${status}`;
  if (status >= 500 || error === undefined) return new BackendError('unreachable', message, [], status);
  const details = Array.isArray(error.details)
    ? (error.details as unknown[])
        .filter(isDetail)
        .map(({ path, message: text }) => ({ path, message: text }))
    : [];
  return new BackendError(
    error.code === 'invalid_input' ? 'invalid_input' : 'rejected',
    message,
    details,
    status,
  );
}

function isDetail(value: unknown): value is ErrorDetail {
  const detail = value as Partial<ErrorDetail> | null;
  return typeof detail?.path === 'string' && typeof detail.message === 'string';
}

/** The backend origin from the HubSpot profile variable `BACKEND_URL` (see `lead-pact set-backend-url`), if set. */
export function backendUrlFrom(variables: Record<string, unknown> | undefined): string | null {
  const value = variables?.BACKEND_URL;
  return typeof value === 'string' && /^https:\/\/[^/]+$/.test(value.replace(/\/$/, ''))
    ? value.replace(/\/$/, '')
    : null;
}

/** Anything thrown on the way becomes a BackendError so screens handle one type. */
export function asBackendError(error: unknown): BackendError {
  return error instanceof BackendError ? error : new BackendError('unreachable', String(error));
}
