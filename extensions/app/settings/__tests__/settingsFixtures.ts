import {
  agreementsResponseSchema,
  apiErrorSchema,
  connectionResponseSchema,
  currentJobResponseSchema,
  propertiesResponseSchema,
  simulateResponseSchema,
  teamsResponseSchema,
} from '@lead-pact/contracts';
import type { FakeAnswer } from '../../testing/fakeBackend';
import active from './fixtures/agreements-active.json';
import draft2 from './fixtures/agreements-draft-2.json';
import draft from './fixtures/agreements-draft.json';
import proposedSeenBySales from './fixtures/agreements-proposed-seen-by-sales.json';
import proposed2SeenBySales from './fixtures/agreements-proposed-2-seen-by-sales.json';
import proposed from './fixtures/agreements-proposed.json';
import sentBack from './fixtures/agreements-sent-back.json';
import sentBackByMapping from './fixtures/agreements-sent-back-by-mapping.json';
import historyPage1 from './fixtures/agreements-history-page-1.json';
import historyPage2 from './fixtures/agreements-history-page-2.json';
import connectionConnected from './fixtures/connection-connected.json';
import connectionDisconnected from './fixtures/connection-disconnected.json';
import refused from './fixtures/agreements-refused.json';
import proposedSeenByBoth from './fixtures/agreements-proposed-seen-by-both.json';
import draftInvalid from './fixtures/draft-invalid.json';
import jobsGaveUp from './fixtures/jobs-current-gave-up.json';
import jobsIdle from './fixtures/jobs-current-idle.json';
import jobsRescore from './fixtures/jobs-current-rescore.json';
import jobsRescoreMidway from './fixtures/jobs-current-rescore-midway.json';
import propertiesUnreachable from './fixtures/properties-hubspot-unreachable.json';
import properties from './fixtures/properties.json';
import simulate from './fixtures/simulate.json';
import teamsSaved from './fixtures/teams-saved.json';
import teamsSeenByAdmin from './fixtures/teams-seen-by-admin.json';
import teamsChangedByAdmin from './fixtures/teams-changed-by-admin.json';
import teamsNamesMissingScope from './fixtures/teams-names-missing-scope.json';
import teams from './fixtures/teams.json';

type Recorded = { status: number; body: unknown };
const answer = (schema: { parse: (value: unknown) => unknown }, fixture: Recorded): FakeAnswer => ({
  status: fixture.status,
  body: schema.parse(fixture.body),
});

/**
 * `GET /api/agreements` views recorded from the real handlers (test/http/routes/recorded-fixtures.test.ts),
 * each re-parsed through the contract so a drifting fixture fails the test.
 */
export const recordedAgreements = {
  /** v1 draft, seen by marketing user 501. */
  draft: () => answer(agreementsResponseSchema, draft),
  /** v1 proposed by marketing, seen by marketing. */
  proposed: () => answer(agreementsResponseSchema, proposed),
  /** v1 proposed by marketing, seen by sales user 601. */
  proposedSeenBySales: () => answer(agreementsResponseSchema, proposedSeenBySales),
  /** v1 proposed by marketing, seen by user 701, on both teams. */
  proposedSeenByBoth: () => answer(agreementsResponseSchema, proposedSeenByBoth),
  /** A load whose signature did not check out (401 with the server's plain message). */
  refused: () => answer(apiErrorSchema, refused),
  /** v1 active, seen by sales. */
  active: () => answer(agreementsResponseSchema, active),
  /** v1 active and v2 draft, seen by marketing. */
  draft2: () => answer(agreementsResponseSchema, draft2),
  /** v1 active and v2 proposed by marketing, seen by sales user 601. */
  proposed2SeenBySales: () => answer(agreementsResponseSchema, proposed2SeenBySales),
  /** v1 active and v2 sent back by sales, seen by sales. */
  sentBack: () => answer(agreementsResponseSchema, sentBack),
  /** v13 proposed by marketing, sent back when super admin 901 added team 33 to marketing; seen by marketing. */
  sentBackByMapping: () => answer(agreementsResponseSchema, sentBackByMapping),
  /** 12 versions (v12 active), seen by sales: the newest 10 and historyCursor "3". */
  historyPage1: () => answer(agreementsResponseSchema, historyPage1),
  /** The same portal's older page (`?cursor=3`): v2 sent back, v1 superseded, no cursor. */
  historyPage2: () => answer(agreementsResponseSchema, historyPage2),
};

/** Other answers recorded from the real handlers. */
export const recorded = {
  draftInvalid: () => answer(apiErrorSchema, draftInvalid),
  jobsRescore: () => answer(currentJobResponseSchema, jobsRescore),
  /** The same rescore part-way: 1,200 of 5,000 done, 1,000 in the last 25 s. */
  jobsRescoreMidway: () => answer(currentJobResponseSchema, jobsRescoreMidway),
  jobsGaveUp: () => answer(currentJobResponseSchema, jobsGaveUp),
  properties: () => answer(propertiesResponseSchema, properties),
  /** HubSpot's properties API failed: the names seen on stored contacts. */
  propertiesUnreachable: () => answer(propertiesResponseSchema, propertiesUnreachable),
  connectionConnected: () => answer(connectionResponseSchema, connectionConnected),
  /** The portal was uninstalled. */
  connectionDisconnected: () => answer(connectionResponseSchema, connectionDisconnected),
  simulate: () => answer(simulateResponseSchema, simulate),
  /** Team 11 marketing, 22 sales, with HubSpot's team names (33 unmapped), seen by marketer 501: read only. */
  teams: () => answer(teamsResponseSchema, teams),
  /** The same, seen by HubSpot super admin 901, who may change it. */
  teamsSeenByAdmin: () => answer(teamsResponseSchema, teamsSeenByAdmin),
  /** Another portal's teams where the token lacks settings.users.teams.read: ids, and why (seen by the super admin). */
  teamsNamesMissingScope: () => answer(teamsResponseSchema, teamsNamesMissingScope),
  /** The super admin saved team 11 as marketing and no sales team. */
  teamsSaved: () => answer(teamsResponseSchema, teamsSaved),
  /** The super admin added team 33 to marketing while v13 waited: sent back; two changes in the history. */
  teamsChangedByAdmin: () => answer(teamsResponseSchema, teamsChangedByAdmin),
  /** No job running. */
  jobsIdle: () => answer(currentJobResponseSchema, jobsIdle),
};

/** The recorded idle job state's body (no job running), for tests that answer with a body. */
export const NO_JOB = currentJobResponseSchema.parse(jobsIdle.body);
