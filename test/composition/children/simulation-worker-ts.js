// Entry of a simulation thread in tests: the project's TypeScript through Babel, as in child processes.
require('../../jobs/register-ts.js');
require('../../../src/composition/simulation-thread/simulation-worker.ts');
