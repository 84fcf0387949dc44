// Entry of the rescore's page worker thread in tests: the project's TypeScript through Babel, as in child processes.
require('../../../jobs/register-ts.js');
require('../../../../src/store/rescore-page-source/page-worker.ts');
