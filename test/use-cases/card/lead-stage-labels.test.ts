import nock from 'nock';
import { createApiClientLeadsGateway } from '../../../src/hubspot/leads/api-client-leads-gateway';
import type { LeadHandoff } from '../../../src/use-cases/ports/leads';
import { cardLead } from '../../../src/use-cases/card/card-lead';
import { LEAD_STAGE_LABELS_TTL_MS, leadStageLabels } from '../../../src/use-cases/names/lead-stage-labels';
import { NAMES_FAILURE_TTL_MS } from '../../../src/use-cases/names/team-names';
import { fixture } from '../../hubspot/fixture';
import { useNock } from '../../hubspot/use-nock';

const API = 'https://api.hubapi.com';
const PIPELINES = '/crm/pipelines/2026-03/leads';
const PORTAL = '42';
const NOW = Date.parse('2026-11-27T09:00:00Z');

useNock();

/** The card's Lead section over A's real leads gateway against nock, on a clock the test moves. */
function cardOver() {
  const clock = { now: NOW };
  const logger = { warn: jest.fn() };
  const labels = leadStageLabels({
    leadsGatewayFor: () => createApiClientLeadsGateway({ accessToken: 'token-abc', basePath: API }),
    logger,
    now: () => clock.now,
  });
  const stageOf = async (hubspotStage: string) =>
    (await cardLead({ leadStageLabels: labels }, PORTAL, handoff(hubspotStage))).stage;
  return { stageOf, clock, logger };
}

function handoff(hubspotStage: string): LeadHandoff {
  return {
    contactId: '101',
    handoffAt: NOW,
    leadId: '9001',
    wanted: 'open',
    reason: null,
    reasonNote: null,
    name: 'Kenji Ito · A2',
    ownerId: null,
    teamId: null,
    companyId: null,
    grade: 'A2',
    route: 'field_sales',
    reasons: 'A2',
    hubspotStage,
    workedAt: null,
    convertedAt: null,
    status: 'synced',
    revision: 1,
    attempts: 0,
    nextAttemptAt: NOW,
    message: null,
    createdAt: NOW,
    updatedAt: NOW,
  };
}

describe("the card's lead stage names from the portal's lead pipeline", () => {
  it("When a rep moved the Lead to a stage of the portal's own, then the card shows its label; default stages keep the card's words", async () => {
    nock(API).get(PIPELINES).reply(200, fixture('lead-pipelines'));
    const { stageOf } = cardOver();
    expect(await stageOf('1109558437')).toEqual({ id: '1109558437', label: 'Meeting booked' });
    expect(await stageOf('attempting-stage-id')).toEqual({ id: 'attempting-stage-id', label: null });
  });

  it('When cards are shown again within 10 minutes, then the pipeline is read once; after that, read again', async () => {
    const scope = nock(API).get(PIPELINES).times(2).reply(200, fixture('lead-pipelines'));
    const { stageOf, clock } = cardOver();
    await stageOf('1109558437');
    await stageOf('new-stage-id');
    expect(scope.pendingMocks()).toHaveLength(1);
    clock.now += LEAD_STAGE_LABELS_TTL_MS + 1;
    await stageOf('1109558437');
    expect(scope.isDone()).toBe(true);
  });

  it("When the portal's request budget is full, then the card does not wait for the labels: it shows the stage by id", async () => {
    const busy = leadStageLabels({
      // The budget frees no slot: the wait ends only when the card's signal gives up.
      leadsGatewayFor: (_portalId, signal) => ({
        listLeadStages: () =>
          new Promise((_resolve, reject) => signal?.addEventListener('abort', () => reject(signal.reason))),
      }),
      logger: { warn: jest.fn() },
    });
    const lead = await cardLead({ leadStageLabels: busy }, PORTAL, handoff('1109558437'));
    expect(lead.stage).toEqual({ id: '1109558437', label: null });
  });

  it('When the token may not read Leads, then the card shows the stage by id, logs once, and asks again a minute later', async () => {
    nock(API).get(PIPELINES).reply(403, fixture('error-403-missing-scopes'));
    const { stageOf, clock, logger } = cardOver();
    expect(await stageOf('1109558437')).toEqual({ id: '1109558437', label: null });
    expect(await stageOf('1109558437')).toEqual({ id: '1109558437', label: null });
    expect(logger.warn).toHaveBeenCalledTimes(1);

    clock.now += NAMES_FAILURE_TTL_MS + 1;
    nock(API).get(PIPELINES).reply(200, fixture('lead-pipelines'));
    expect(await stageOf('1109558437')).toEqual({ id: '1109558437', label: 'Meeting booked' });
  });
});
