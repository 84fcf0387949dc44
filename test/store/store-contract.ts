import type { Store } from '../../src/store/create-store';
import type { TestDatabase } from './test-databases';
import { openTestStore } from './test-databases';

/** Opens a fresh store per test file and closes and drops it afterwards. */
export function useStore(make: () => Promise<TestDatabase>): () => Store {
  let store: Store | undefined;
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    ({ store, database } = await openTestStore(make));
  });
  afterAll(async () => {
    await store?.close();
    await database?.drop();
  });
  return () => {
    if (!store) throw new Error('store not open');
    return store;
  };
}

let counter = 0;
/** A portal id no other test uses, so tests sharing one database stay independent. */
export function freshPortal(): string {
  counter += 1;
  return `${900000 + counter}`;
}
