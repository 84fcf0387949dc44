import { hubspot } from '@hubspot/ui-extensions';

/** What a fake route answers: a status and a JSON body. */
export interface FakeAnswer {
  status?: number;
  body: unknown;
}
type Handler = (
  body: Record<string, unknown> | undefined,
  query: URLSearchParams,
) => FakeAnswer | Promise<FakeAnswer>;

/** One request the extension made through `hubspot.fetch`. */
export interface CapturedCall {
  method: string;
  path: string;
  query: Record<string, string>;
  body: Record<string, unknown> | undefined;
}

export const BACKEND_URL = 'https://lead-pact.example.com';

/**
 * Spies on `hubspot.fetch` (createRenderer does not mock it) and answers from `routes` keyed "METHOD /path".
 * Every request is captured so tests can assert the exact payload. Unknown routes answer 404.
 */
export function fakeBackend(routes: Record<string, Handler>): { calls: CapturedCall[]; restore: () => void } {
  const calls: CapturedCall[] = [];
  const spy = jest.spyOn(hubspot, 'fetch').mockImplementation(async (input, options) => {
    const url = new URL(String(input));
    const method = options?.method ?? 'GET';
    const body = options?.body as Record<string, unknown> | undefined;
    calls.push({ method, path: url.pathname, query: Object.fromEntries(url.searchParams), body });
    if (url.origin !== BACKEND_URL) throw new Error(`fetch outside permittedUrls: ${url.origin}`);
    const handler = routes[`${method} ${url.pathname}`];
    const answer = handler
      ? await handler(body, url.searchParams)
      : { status: 404, body: { error: { code: 'not_found', message: 'no such route', details: [] } } };
    return new Response(JSON.stringify(answer.body), {
      status: answer.status ?? 200,
      headers: { 'content-type': 'application/json' },
    });
  });
  return { calls, restore: () => spy.mockRestore() };
}

/**
 * A route whose fetch rejects, as `hubspot.fetch` does when the backend cannot be reached (network error, timeout):
 * not a response, so nothing to record.
 */
export function unreachable(): never {
  throw new TypeError('fetch failed: connect ECONNREFUSED');
}

/** A 200 answer whose body has been through the contract schema first, so a drifting fixture fails the test. */
export function ok<T>(schema: { parse: (value: unknown) => T }, value: unknown): FakeAnswer {
  return { status: 200, body: schema.parse(value) };
}

/** A fetch that never settles (the loading state). */
export function hangingBackend(): { restore: () => void } {
  const spy = jest.spyOn(hubspot, 'fetch').mockImplementation(() => new Promise<Response>(() => undefined));
  return { restore: () => spy.mockRestore() };
}

/**
 * Retries `check` until it passes (or `timeoutMs` runs out). For effects that change no rendered node, such as an
 * alert, which createRenderer's `waitFor` (re-checked on render changes only) would never see.
 */
export async function eventually(check: () => void, timeoutMs = 2000): Promise<void> {
  // Counts attempts rather than reading the clock: some tests pin Date.now.
  for (let attempt = 0; ; attempt += 1) {
    try {
      check();
      return;
    } catch (error) {
      if (attempt * 10 >= timeoutMs) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
}
