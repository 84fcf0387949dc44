import { contactsContract } from './contacts.contract';
import { leadTouchesContract } from './lead-touches.contract';
import { leadsContract } from './leads.contract';
import { pipelineContract } from './pipeline.contract';
import { portalContract } from './portal.contract';
import { quizContract } from './quiz.contract';
import { routeCapacityContract } from './route-capacity.contract';
import { schemaContract } from './schema.contract';
import { ENGINE_FACTORIES } from './test-databases';

// The same contract, unchanged, against SQLite (temp dir) and PostgreSQL (a fresh database per run).
describe.each(ENGINE_FACTORIES)('store on %s', (_engine, make) => {
  describe('schema and transactions', () => schemaContract(make));
  describe('portals, agreements and audit', () => portalContract(make));
  describe('contacts and qualifications', () => contactsContract(make));
  describe('inbox, outbox, capacity and request budget', () => pipelineContract(make));
  describe('capacity per route', () => routeCapacityContract(make));
  describe('calibration quiz', () => quizContract(make));
  describe('handed-over Leads', () => leadsContract(make));
  describe("the report's Lead touches", () => leadTouchesContract(make));
});
