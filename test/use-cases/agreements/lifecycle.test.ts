import { inMemoryWorld } from './in-memory-world';
import { describeLifecycle } from './lifecycle-suite';

describeLifecycle('in-memory ports', async () => inMemoryWorld());
