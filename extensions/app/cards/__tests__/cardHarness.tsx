import { createRenderer } from '@hubspot/ui-extensions/testing';
import { CardRoot } from '../components/CardRoot';
import { BACKEND_URL, fakeBackend, type FakeAnswer } from '../../testing/fakeBackend';
import { NOW } from './cardFixtures';

// How the card tests render the card: on a contact record's sidebar, the backend answering from recorded responses,
// the recordings' clock, and a longer wait than createRenderer's 1 s default (the whole suite runs in parallel
// workers).

let restoreFetch: () => void = () => undefined;

/** Puts back the fetch and the clock a test replaced (each test file: `afterEach(restoreCardTest)`). */
export function restoreCardTest(): void {
  restoreFetch();
  restoreFetch = () => undefined;
  jest.restoreAllMocks();
}

/** Remembers how to put back a fetch a test replaced by itself (a backend that never answers). */
export function replacedFetch(backend: { restore: () => void }): void {
  restoreFetch = backend.restore;
}

/**
 * The card for a user in `locale` (en-US) at `now` (the recordings' clock), the backend answering `GET /api/card`
 * with `card` and any other `routes`.
 */
export function renderCard(
  card: FakeAnswer | (() => FakeAnswer),
  options: { locale?: string; routes?: Parameters<typeof fakeBackend>[0]; now?: number } = {},
) {
  jest.spyOn(Date, 'now').mockReturnValue(options.now ?? NOW);
  const backend = fakeBackend({
    'GET /api/card': typeof card === 'function' ? card : () => card,
    ...options.routes,
  });
  restoreFetch = backend.restore;
  const renderer = createRenderer('crm.record.sidebar');
  renderer.mocks.context.variables = { BACKEND_URL };
  renderer.mocks.context.user.locale = options.locale ?? 'en-US';
  renderer.render(<CardRoot />);
  const waitFor: typeof renderer.waitFor = (check, waitOptions) =>
    renderer.waitFor(check, { timeoutInMs: 5000, ...waitOptions });
  return { ...renderer, waitFor, calls: backend.calls };
}
