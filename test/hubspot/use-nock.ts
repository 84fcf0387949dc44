import nock from 'nock';

/**
 * For a test file that talks to HubSpot through nock: no real network but loopback, every stub used by the
 * end of each test (an unused one fails it), and the worker process left as found for the next file.
 */
export function useNock(): void {
  beforeAll(() => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
  });
  afterEach(() => {
    const pending = nock.pendingMocks();
    nock.cleanAll();
    expect(pending).toEqual([]);
  });
  afterAll(() => {
    nock.enableNetConnect();
    nock.restore();
  });
}
