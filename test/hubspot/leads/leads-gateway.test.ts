import nock from 'nock';
import { isAppError } from '../../../src/domain/app-error';
import type { NewLead } from '../../../src/hubspot/leads-gateway';
import { createApiClientLeadsGateway } from '../../../src/hubspot/leads/api-client-leads-gateway';
import { disqualificationOption } from '../../../src/hubspot/leads/lead-records';
import { fixture } from '../fixture';
import { useNock } from '../use-nock';

const API = 'https://api.hubapi.com';
const LEADS = '/crm/objects/2026-03/leads';
const gateway = () => createApiClientLeadsGateway({ accessToken: 'token-abc', basePath: API });

const lead: NewLead = {
  handoffKey: '501:1796115600000',
  name: 'Aiko Tanaka (A1)',
  contactId: '501',
  companyId: '9001',
  ownerId: '101',
  reasons: 'Job title: VP Sales (+30); company size 200-999 (+20)',
  grade: 'A1',
  route: 'field_sales',
};

const created = {
  id: '88001',
  name: 'Aiko Tanaka (A1)',
  stage: 'new-stage-id',
  ownerId: '101',
  handoffKey: '501:1796115600000',
};

/** What `createLead(lead)` rejects with. */
const createFailure = () =>
  gateway()
    .createLead(lead)
    .catch((e: unknown) => e);

useNock();

describe('createLead', () => {
  it('When a handoff is created, then HubSpot gets the name, owner, key and reasons, associated with the contact as primary contact and its company as primary company', async () => {
    nock(API, { reqheaders: { authorization: 'Bearer token-abc' } })
      .post(LEADS, {
        properties: {
          hs_lead_name: 'Aiko Tanaka (A1)',
          hubspot_owner_id: '101',
          lead_pact_handoff_key: '501:1796115600000',
          lead_pact_reasons: 'Job title: VP Sales (+30); company size 200-999 (+20)',
          lead_pact_grade: 'A1',
          lead_pact_route: 'field_sales',
        },
        associations: [
          { to: { id: '501' }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 578 }] },
          { to: { id: '9001' }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 580 }] },
        ],
      })
      .reply(201, fixture('leads-create-201'));

    expect(await gateway().createLead(lead)).toEqual(created);
  });

  it('When the contact has no company and the route names no owner, then the Lead is unassigned and has only its contact', async () => {
    nock(API)
      .post(LEADS, (body: { properties: Record<string, string>; associations: unknown[] }) => {
        expect(body.properties).not.toHaveProperty('hubspot_owner_id');
        expect(body.associations).toEqual([
          { to: { id: '501' }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 578 }] },
        ]);
        return true;
      })
      .reply(201, {
        ...fixture('leads-create-201'),
        properties: { hs_lead_name: 'x', hs_pipeline_stage: 'new-stage-id' },
      });

    const result = await gateway().createLead({ ...lead, companyId: null, ownerId: null });
    expect(result.ownerId).toBeNull();
  });

  it('When an earlier attempt already created the Lead (409 on the unique key), then the existing Lead is read by its key and returned, and nothing else is created', async () => {
    nock(API)
      .post(LEADS)
      .reply(409, fixture('leads-409-handoff-key'))
      .post(`${LEADS}/batch/read`, {
        idProperty: 'lead_pact_handoff_key',
        inputs: [{ id: '501:1796115600000' }],
        properties: [
          'hs_lead_name',
          'hs_pipeline',
          'hs_pipeline_stage',
          'hubspot_owner_id',
          'lead_pact_handoff_key',
        ],
      })
      .reply(200, fixture('leads-batch-read-by-key'));

    expect(await gateway().createLead(lead)).toEqual(created);
  });

  it('When HubSpot refuses the key with a 400 naming the value as taken and the read by key misses it, then the search finds it', async () => {
    nock(API)
      .post(LEADS)
      .reply(400, fixture('leads-400-unique-value'))
      .post(`${LEADS}/batch/read`)
      .reply(207, fixture('leads-batch-read-by-key-207-missing'))
      .post(`${LEADS}/search`, {
        filterGroups: [
          {
            filters: [{ propertyName: 'lead_pact_handoff_key', operator: 'EQ', value: '501:1796115600000' }],
          },
        ],
        properties: [
          'hs_lead_name',
          'hs_pipeline',
          'hs_pipeline_stage',
          'hubspot_owner_id',
          'lead_pact_handoff_key',
        ],
        limit: 1,
      })
      .reply(200, fixture('leads-search-by-key'));

    expect(await gateway().createLead(lead)).toEqual({ ...created, stage: 'attempting-stage-id' });
  });

  it('When the key is taken but HubSpot cannot show the Lead yet, then the create fails to be retried, without creating another', async () => {
    nock(API)
      .post(LEADS)
      .reply(409, fixture('leads-409-handoff-key'))
      .post(`${LEADS}/batch/read`)
      .reply(207, fixture('leads-batch-read-by-key-207-missing'))
      .post(`${LEADS}/search`)
      .reply(200, fixture('leads-search-empty'));

    const error = await createFailure();
    expect(isAppError(error, 'upstream_failed')).toBe(true);
    expect((error as Error).message).toContain('501:1796115600000');
  });

  it('When HubSpot refuses the Lead for another reason (no contact), then the refusal comes back as invalid input with its message', async () => {
    nock(API).post(LEADS).reply(400, fixture('leads-400-no-contact'));

    const error = await createFailure();
    expect(isAppError(error, 'invalid_input')).toBe(true);
    expect((error as Error).message).toContain('must be associated with an existing contact');
  });

  it('When the token lacks the leads scopes (403), then it fails as forbidden', async () => {
    nock(API).post(LEADS).reply(403, fixture('error-403-missing-scopes'));

    const error = await createFailure();
    expect(isAppError(error, 'forbidden')).toBe(true);
  });

  it('When HubSpot rate-limits the create (429), then it fails as rate limited with the policy and when to retry', async () => {
    nock(API).post(LEADS).reply(429, fixture('error-429-ten-secondly'), { 'Retry-After': '2' });

    const error = await createFailure();
    expect(isAppError(error, 'rate_limited')).toBe(true);
  });
});

describe('getLead', () => {
  it('When HubSpot has the Lead, then its stage, owner and key come back', async () => {
    nock(API)
      .get(`${LEADS}/88001`)
      .query({
        properties: 'hs_lead_name,hs_pipeline,hs_pipeline_stage,hubspot_owner_id,lead_pact_handoff_key',
      })
      .reply(200, fixture('leads-get'));

    expect(await gateway().getLead('88001')).toEqual({ ...created, stage: 'connected-stage-id' });
  });

  it('When the Lead was made by hand and is unassigned, then it has no owner and no key', async () => {
    nock(API).get(`${LEADS}/88002`).query(true).reply(200, fixture('leads-get-unassigned-manual'));

    expect(await gateway().getLead('88002')).toEqual({
      id: '88002',
      name: 'Walk-in from the trade show',
      stage: 'new-stage-id',
      ownerId: null,
      handoffKey: null,
    });
  });

  it('When the Lead was deleted in HubSpot (404), then it is null', async () => {
    nock(API).get(`${LEADS}/88009`).query(true).reply(404, fixture('leads-404'));

    expect(await gateway().getLead('88009')).toBeNull();
  });
});

describe('moveLead', () => {
  it('When a Lead is accepted, then only its stage is written', async () => {
    nock(API)
      .patch(`${LEADS}/88001`, { properties: { hs_pipeline_stage: 'attempting-stage-id' } })
      .reply(200, fixture('leads-patch-attempting'));

    const moved = await gateway().moveLead({ leadId: '88001', stage: 'attempting-stage-id' });
    expect(moved.stage).toBe('attempting-stage-id');
  });

  it('When a rep rejects the lead, then the Lead is disqualified with the portal’s "not a good fit" reason, the rep’s words in the note and Lead Pact’s own reason', async () => {
    nock(API)
      .get('/crm/properties/2026-03/leads/hs_lead_disqualification_reason')
      .reply(200, fixture('lead-property-disqualification-reason'))
      .patch(`${LEADS}/88001`, {
        properties: {
          hs_pipeline_stage: 'unqualified-stage-id',
          hs_lead_disqualification_reason: 'NOT_A_GOOD_FIT',
          hs_lead_disqualification_note: 'rejected: Already a customer of our partner',
          lead_pact_disqualification_reason: 'rejected',
        },
      })
      .reply(200, fixture('leads-patch-disqualified'));

    const moved = await gateway().moveLead({
      leadId: '88001',
      stage: 'unqualified-stage-id',
      disqualification: { reason: 'rejected', note: 'Already a customer of our partner' },
    });
    expect(moved.stage).toBe('unqualified-stage-id');
  });

  it('When two Leads are recycled by the SLA in one run, then the portal’s reasons are read once and "no response" is chosen', async () => {
    const reasons = nock(API)
      .get('/crm/properties/2026-03/leads/hs_lead_disqualification_reason')
      .once()
      .reply(200, fixture('lead-property-disqualification-reason'));
    for (const id of ['88001', '88003'])
      nock(API)
        .patch(`${LEADS}/${id}`, {
          properties: {
            hs_pipeline_stage: 'unqualified-stage-id',
            hs_lead_disqualification_reason: 'NO_RESPONSE',
            hs_lead_disqualification_note: 'sla_no_touch',
            lead_pact_disqualification_reason: 'sla_no_touch',
          },
        })
        .reply(200, { ...fixture('leads-patch-disqualified'), id });

    const leads = gateway();
    const disqualification = { reason: 'sla_no_touch', note: '' };
    await leads.moveLead({ leadId: '88001', stage: 'unqualified-stage-id', disqualification });
    await leads.moveLead({ leadId: '88003', stage: 'unqualified-stage-id', disqualification });
    expect(reasons.isDone()).toBe(true);
  });

  it.each([
    ['rejected', 'NOT_A_GOOD_FIT'],
    ['disqualified', 'NOT_A_GOOD_FIT'],
    ['nurture', 'BAD_TIMING'],
    ['sla_no_progress', 'NO_RESPONSE'],
  ])('When Lead Pact disqualifies for %s, then HubSpot gets the portal’s %s', (reason, option) => {
    const options = fixture<{ options: Array<{ value: string }> }>(
      'lead-property-disqualification-reason',
    ).options;
    expect(
      disqualificationOption(
        reason,
        options.map((o) => o.value),
      ),
    ).toBe(option);
  });

  it('When the portal’s reasons have neither match, then its first visible option is used', async () => {
    nock(API)
      .get('/crm/properties/2026-03/leads/hs_lead_disqualification_reason')
      .reply(200, {
        ...fixture('lead-property-disqualification-reason'),
        options: [
          { label: 'Old', value: 'OLD', displayOrder: 0, hidden: true },
          { label: 'Andere', value: 'ANDERE', displayOrder: 1, hidden: false },
        ],
      })
      .patch(`${LEADS}/88001`, (body: { properties: Record<string, string> }) => {
        expect(body.properties.hs_lead_disqualification_reason).toBe('ANDERE');
        return true;
      })
      .reply(200, fixture('leads-patch-disqualified'));

    await gateway().moveLead({
      leadId: '88001',
      stage: 'unqualified-stage-id',
      disqualification: { reason: 'rejected', note: '' },
    });
  });

  it('When the Lead is gone (404), then the move fails as not found', async () => {
    nock(API).patch(`${LEADS}/88009`).reply(404, fixture('leads-404'));

    const error = await gateway()
      .moveLead({ leadId: '88009', stage: 'attempting-stage-id' })
      .catch((e: unknown) => e);
    expect(isAppError(error, 'not_found')).toBe(true);
  });
});

describe('listLeadStages', () => {
  it('When the portal has its own pipeline too, then the default lead pipeline’s open stages come in display order, each placed', async () => {
    nock(API).get('/crm/pipelines/2026-03/leads').reply(200, fixture('lead-pipelines'));

    expect(await gateway().listLeadStages()).toEqual([
      { id: 'new-stage-id', label: 'New', kind: 'new' },
      { id: 'attempting-stage-id', label: 'Attempting', kind: 'in_progress' },
      { id: 'connected-stage-id', label: 'Connected', kind: 'in_progress' },
      { id: '1109558437', label: 'Meeting booked', kind: 'in_progress' },
      { id: '1213103916', label: 'Back to marketing', kind: 'disqualified' },
      { id: 'qualified-stage-id', label: 'Qualified', kind: 'qualified' },
      { id: 'unqualified-stage-id', label: 'Disqualified', kind: 'disqualified' },
    ]);
  });

  it('When the portal has no lead pipeline (no Sales Hub Professional), then it says so as not found', async () => {
    nock(API).get('/crm/pipelines/2026-03/leads').reply(200, fixture('lead-pipelines-none'));

    const error = await gateway()
      .listLeadStages()
      .catch((e: unknown) => e);
    expect(isAppError(error, 'not_found')).toBe(true);
    expect((error as Error).message).toContain('Sales Hub Professional');
  });
});

describe('ensureLeadProperties', () => {
  it('When the portal has never had them, then the group and every missing Lead Pact lead property are created, the handoff key unique', async () => {
    const bodies: Array<Record<string, unknown>> = [];
    nock(API)
      .get('/crm/properties/2026-03/leads/groups/lead_pact')
      .reply(404, fixture('lead-property-group-404'))
      .post('/crm/properties/2026-03/leads/groups', {
        name: 'lead_pact',
        label: 'Lead Pact',
        displayOrder: -1,
      })
      .reply(201, { name: 'lead_pact', label: 'Lead Pact', displayOrder: -1, archived: false })
      .get('/crm/properties/2026-03/leads')
      .reply(200, { results: fixture<{ results: unknown[] }>('lead-properties-list').results.slice(0, 2) })
      .post('/crm/properties/2026-03/leads', (body: Record<string, unknown>) => {
        bodies.push(body);
        return true;
      })
      .times(5)
      .reply(201, (_uri, body) => body as Record<string, unknown>);

    await gateway().ensureLeadProperties();
    expect(bodies.map((b) => b.name)).toEqual([
      'lead_pact_handoff_key',
      'lead_pact_reasons',
      'lead_pact_grade',
      'lead_pact_route',
      'lead_pact_disqualification_reason',
    ]);
    expect(bodies[0]).toMatchObject({ groupName: 'lead_pact', type: 'string', hasUniqueValue: true });
    expect(bodies.slice(1).every((b) => b.hasUniqueValue === undefined)).toBe(true);
  });

  it('When some exist and another worker creates one meanwhile (409), then only the missing ones are sent and the 409 is fine', async () => {
    nock(API)
      .get('/crm/properties/2026-03/leads/groups/lead_pact')
      .reply(200, { name: 'lead_pact', label: 'Lead Pact', displayOrder: -1, archived: false })
      .get('/crm/properties/2026-03/leads')
      .reply(200, fixture('lead-properties-list'))
      .post('/crm/properties/2026-03/leads', (body: { name: string }) => body.name === 'lead_pact_grade')
      .reply(409, {
        ...fixture('property-409-exists'),
        message: "Property named 'lead_pact_grade' already exists.",
      })
      .post('/crm/properties/2026-03/leads', (body: { name: string }) => body.name === 'lead_pact_route')
      .reply(201, {})
      .post(
        '/crm/properties/2026-03/leads',
        (body: { name: string }) => body.name === 'lead_pact_disqualification_reason',
      )
      .reply(201, {});

    await expect(gateway().ensureLeadProperties()).resolves.toBeUndefined();
  });

  it('When the token may not create lead properties (403), then it fails as forbidden', async () => {
    nock(API)
      .get('/crm/properties/2026-03/leads/groups/lead_pact')
      .reply(404, fixture('lead-property-group-404'))
      .post('/crm/properties/2026-03/leads/groups')
      .reply(403, fixture('error-403-missing-scopes'));

    const error = await gateway()
      .ensureLeadProperties()
      .catch((e: unknown) => e);
    expect(isAppError(error, 'forbidden')).toBe(true);
  });
});
