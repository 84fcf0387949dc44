import { useStore } from '../store/store-contract';
import { ENGINE_FACTORIES } from '../store/test-databases';
import { jobQueueContract } from './job-queue.contract';
import { jobWorkerContract } from './job-worker.contract';

describe.each(ENGINE_FACTORIES)('jobs on %s', (_engine, make) => {
  const store = useStore(make);
  describe('the queue', () => jobQueueContract(store));
  describe('the worker loop', () => jobWorkerContract(store));
});
