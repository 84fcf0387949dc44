import { isAppError } from '../../src/domain/app-error';
import type { NewLead } from '../../src/hubspot/leads-gateway';
import { createApiClientLeadsGateway } from '../../src/hubspot/leads/api-client-leads-gateway';
import { createStandin } from '../../src/standin/create-standin';
import { fixture } from '../hubspot/fixture';

const LEADS = '/crm/objects/2026-03/leads';
const running: Array<() => Promise<void>> = [];
afterAll(() => Promise.all(running.map((close) => close())));

const primaryContact = (id: string) => ({
  to: { id },
  types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 578 }],
});

/** A stand-in with two contacts (one at company 9001), the owners fixture and Lead Pact's lead properties created. */
async function start(options: { ensure?: boolean } = {}) {
  const standin = createStandin({
    seed: {
      contacts: [
        { id: '501', properties: { firstname: 'Aiko', lastname: 'Tanaka' }, companyId: '9001' },
        { id: '502', properties: { firstname: 'Ben', lastname: 'Ito' } },
      ],
      companies: [{ id: '9001', properties: { name: 'Kaisha KK' } }],
    },
  });
  const { url, close } = await standin.listen(0);
  running.push(close);
  const call = async (method: string, path: string, body?: unknown, token: string | null = 'tok-1') => {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as Record<string, unknown> };
  };
  await call('PUT', '/__standin/owners', fixture('crm-owners-page-1'), null);
  const gateway = createApiClientLeadsGateway({ accessToken: 'tok-1', basePath: url });
  if (options.ensure !== false) await gateway.ensureLeadProperties();
  return { standin, url, call, gateway };
}

const newLead: NewLead = {
  handoffKey: '501:1796115600000',
  name: 'Aiko Tanaka (A1)',
  contactId: '501',
  companyId: '9001',
  ownerId: '41629779',
  reasons: 'Job title: VP Sales (+30)',
  grade: 'A1',
  route: 'field_sales',
};

describe('stand-in Leads: what HubSpot refuses on create', () => {
  it('When a lead has no hs_lead_name, then it is refused (400)', async () => {
    const { call } = await start();
    const answer = await call('POST', LEADS, { properties: {}, associations: [primaryContact('501')] });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({
      category: 'VALIDATION_ERROR',
      message: expect.stringContaining('hs_lead_name'),
    });
  });

  it('When a lead is associated with no contact, or only with a company, then it is refused (400)', async () => {
    const { call } = await start();
    const none = await call('POST', LEADS, { properties: { hs_lead_name: 'X' } });
    expect(none.status).toBe(400);
    expect(none.body.message).toContain('must be associated with an existing contact');
    const company = await call('POST', LEADS, {
      properties: { hs_lead_name: 'X' },
      associations: [
        { to: { id: '9001' }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 580 }] },
      ],
    });
    expect(company.status).toBe(400);
  });

  it('When the contact or the company does not exist, or the type is not one from a lead, then it is refused (400)', async () => {
    const { call } = await start();
    const unknownContact = await call('POST', LEADS, {
      properties: { hs_lead_name: 'X' },
      associations: [primaryContact('999')],
    });
    expect(unknownContact).toMatchObject({
      status: 400,
      body: { message: expect.stringContaining('contact 999') },
    });
    const unknownCompany = await call('POST', LEADS, {
      properties: { hs_lead_name: 'X' },
      associations: [
        primaryContact('501'),
        { to: { id: '777' }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 580 }] },
      ],
    });
    expect(unknownCompany).toMatchObject({
      status: 400,
      body: { message: expect.stringContaining('company 777') },
    });
    const contactToCompanyType = await call('POST', LEADS, {
      properties: { hs_lead_name: 'X' },
      associations: [
        { to: { id: '501' }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 279 }] },
      ],
    });
    expect(contactToCompanyType.status).toBe(400);
  });

  it('When the owner is no active owner, then HubSpot’s INVALID_OWNER_ID refusal comes back and nothing is created', async () => {
    const { gateway, standin } = await start();
    const error = await gateway.createLead({ ...newLead, ownerId: '123' }).catch((e: unknown) => e);
    expect(isAppError(error, 'invalid_input')).toBe(true);
    expect((error as Error).message).toContain('INVALID_OWNER_ID');
    expect(standin.state.leads.records.size).toBe(0);
  });

  it('When the owner is a deactivated user (archived owner), then the lead is refused too', async () => {
    const { call } = await start();
    await call('PUT', '/__standin/owners', fixture('crm-owners-archived'), null);
    const archived = fixture<{ results: Array<{ id: string }> }>('crm-owners-archived').results[0]!.id;
    const answer = await call('POST', LEADS, {
      properties: { hs_lead_name: 'X', hubspot_owner_id: archived },
      associations: [primaryContact('501')],
    });
    expect(answer.status).toBe(400);
    expect(answer.body.message).toContain('INVALID_OWNER_ID');
  });

  it('When the stage or pipeline is unknown, a property does not exist, an option is not allowed or a value is HubSpot’s own, then it is refused (400)', async () => {
    const { call } = await start();
    const attempt = (properties: Record<string, string>) =>
      call('POST', LEADS, {
        properties: { hs_lead_name: 'X', ...properties },
        associations: [primaryContact('501')],
      });
    const stage = await attempt({ hs_pipeline_stage: 'won-stage-id' });
    expect(stage.status).toBe(400);
    expect(stage.body.message).toContain('won-stage-id');
    expect((await attempt({ hs_pipeline: 'sales-pipeline' })).status).toBe(400);
    const unknown = await attempt({ lead_score_extra: '5' });
    expect(unknown.body.message).toContain('PROPERTY_DOESNT_EXIST');
    const option = await attempt({ hs_lead_label: 'LUKEWARM' });
    expect(option.body.message).toContain('INVALID_OPTION');
    const readOnly = await attempt({ hs_object_id: '1' });
    expect(readOnly.body.message).toContain('READ_ONLY_VALUE');
  });

  it('When Lead Pact’s properties were never created, then a lead carrying them is refused: ensureLeadProperties comes first', async () => {
    const { gateway } = await start({ ensure: false });
    const error = await gateway.createLead(newLead).catch((e: unknown) => e);
    expect(isAppError(error, 'invalid_input')).toBe(true);
    expect((error as Error).message).toContain('lead_pact_handoff_key');
  });

  it('When a second lead carries the same handoff key, then it is refused with 409 CONFLICT naming the existing one', async () => {
    const { call, gateway } = await start();
    const first = await gateway.createLead(newLead);
    const second = await call('POST', LEADS, {
      properties: { hs_lead_name: 'Again', lead_pact_handoff_key: newLead.handoffKey },
      associations: [primaryContact('502')],
    });
    expect(second).toMatchObject({
      status: 409,
      body: { category: 'CONFLICT', message: expect.stringContaining(`Existing ID: ${first.id}`) },
    });
  });

  it('When a lead is created straight into the disqualified stage without a reason, then it is refused (400)', async () => {
    const { call } = await start();
    const answer = await call('POST', LEADS, {
      properties: { hs_lead_name: 'X', hs_pipeline_stage: 'unqualified-stage-id' },
      associations: [primaryContact('501')],
    });
    expect(answer.status).toBe(400);
    expect(answer.body.message).toContain('hs_lead_disqualification_reason');
  });

  it('When the token lacks crm.objects.leads.write, then a create is refused with 403 MISSING_SCOPES; without leads.read, reads are', async () => {
    const { call } = await start();
    await call('PUT', '/__standin/scopes', { scopes: ['oauth', 'crm.objects.leads.read'] }, null);
    const create = await call('POST', LEADS, {
      properties: { hs_lead_name: 'X' },
      associations: [primaryContact('501')],
    });
    expect(create).toMatchObject({
      status: 403,
      body: {
        category: 'MISSING_SCOPES',
        errors: [{ context: { requiredGranularScopes: ['crm.objects.leads.write'] } }],
      },
    });
    await call('PUT', '/__standin/scopes', { scopes: ['oauth'] }, null);
    const pipelines = await call('GET', '/crm/pipelines/2026-03/leads');
    expect(pipelines.body).toMatchObject({
      errors: [{ context: { requiredGranularScopes: ['crm.objects.leads.read'] } }],
    });
    const property = await call('POST', '/crm/properties/2026-03/leads', {
      name: 'x_y',
      label: 'X',
      type: 'string',
      fieldType: 'text',
      groupName: 'lead_pact',
    });
    expect(property.body).toMatchObject({
      errors: [{ context: { requiredGranularScopes: ['crm.schemas.leads.write'] } }],
    });
  });

  it('When there is no token, then leads answer 401 and count as requests', async () => {
    const { call, standin } = await start();
    expect((await call('GET', `${LEADS}/88001`, undefined, null)).status).toBe(401);
    expect(standin.state.requestLog.some((r) => r.path === `${LEADS}/88001` && r.status === 401)).toBe(true);
  });
});

describe('stand-in Leads through the gateway', () => {
  it('When Lead Pact creates a Lead, then it starts in the default pipeline’s New stage, owned, with its contact as primary contact and its company', async () => {
    const { gateway, call } = await start();
    const lead = await gateway.createLead(newLead);
    expect(lead).toEqual({
      id: expect.any(String),
      name: 'Aiko Tanaka (A1)',
      stage: 'new-stage-id',
      ownerId: '41629779',
      handoffKey: '501:1796115600000',
    });
    const read = await call(
      'GET',
      `${LEADS}/${lead.id}?properties=lead_pact_reasons,hs_pipeline&associations=contacts,companies`,
    );
    expect(read.body).toMatchObject({
      properties: { lead_pact_reasons: 'Job title: VP Sales (+30)', hs_pipeline: 'lead-pipeline-id' },
      associations: {
        contacts: {
          results: [
            { id: '501', type: 'lead_to_primary_contact' },
            { id: '501', type: 'lead_to_contact' },
          ],
        },
        companies: {
          results: [
            { id: '9001', type: 'lead_to_primary_company' },
            { id: '9001', type: 'lead_to_company' },
          ],
        },
      },
    });
    const contacts = await call('GET', `${LEADS}/${lead.id}/associations/contacts`);
    expect(contacts.body).toEqual({
      results: [
        {
          toObjectId: 501,
          associationTypes: [
            { category: 'HUBSPOT_DEFINED', typeId: 578, label: 'Primary' },
            { category: 'HUBSPOT_DEFINED', typeId: 608, label: null },
          ],
        },
      ],
    });
    const fromContact = await call('GET', '/crm/objects/2026-03/contacts/501/associations/leads');
    expect(fromContact.body).toMatchObject({ results: [{ toObjectId: Number(lead.id) }] });
  });

  it('When the create is replayed after a crash, then the same Lead comes back and HubSpot still has one', async () => {
    const { gateway, standin } = await start();
    const first = await gateway.createLead(newLead);
    const again = await gateway.createLead(newLead);
    expect(again).toEqual(first);
    expect(standin.state.leads.records.size).toBe(1);
    expect(standin.state.requestLog.map((r) => `${r.method} ${r.path} ${r.status}`).slice(-3)).toEqual([
      `POST ${LEADS} 201`,
      `POST ${LEADS} 409`,
      `POST ${LEADS}/batch/read 200`,
    ]);
  });

  it('When a Lead is accepted and later disqualified, then its stage moves and the disqualification carries a reason HubSpot accepts', async () => {
    const { gateway, standin } = await start();
    const lead = await gateway.createLead(newLead);
    expect((await gateway.moveLead({ leadId: lead.id, stage: 'attempting-stage-id' })).stage).toBe(
      'attempting-stage-id',
    );
    await gateway.moveLead({
      leadId: lead.id,
      stage: 'unqualified-stage-id',
      disqualification: { reason: 'rejected', note: 'Already a customer' },
    });
    expect(standin.state.leads.records.get(lead.id)?.properties).toMatchObject({
      hs_pipeline_stage: 'unqualified-stage-id',
      hs_lead_disqualification_reason: 'NOT_A_GOOD_FIT',
      hs_lead_disqualification_note: 'rejected: Already a customer',
      lead_pact_disqualification_reason: 'rejected',
    });
    expect(await gateway.getLead(lead.id)).toMatchObject({
      stage: 'unqualified-stage-id',
      ownerId: '41629779',
    });
  });

  it('When a move to the disqualified stage comes without a reason, then it is refused and the Lead stays', async () => {
    const { gateway, call } = await start();
    const lead = await gateway.createLead(newLead);
    const answer = await call('PATCH', `${LEADS}/${lead.id}`, {
      properties: { hs_pipeline_stage: 'unqualified-stage-id' },
    });
    expect(answer.status).toBe(400);
    expect((await gateway.getLead(lead.id))?.stage).toBe('new-stage-id');
  });

  it('When a Lead was deleted, then getLead is null and a move fails as not found', async () => {
    const { gateway, call } = await start();
    const lead = await gateway.createLead(newLead);
    expect((await call('DELETE', `${LEADS}/${lead.id}`)).status).toBe(204);
    expect(await gateway.getLead(lead.id)).toBeNull();
    const error = await gateway
      .moveLead({ leadId: lead.id, stage: 'attempting-stage-id' })
      .catch((e: unknown) => e);
    expect(isAppError(error, 'not_found')).toBe(true);
  });

  it('When the pipeline is read, then the default lead pipeline’s five stages come placed; a portal’s own stage by its leadState', async () => {
    const { gateway, call } = await start();
    expect(await gateway.listLeadStages()).toEqual([
      { id: 'new-stage-id', label: 'New', kind: 'new' },
      { id: 'attempting-stage-id', label: 'Attempting', kind: 'in_progress' },
      { id: 'connected-stage-id', label: 'Connected', kind: 'in_progress' },
      { id: 'qualified-stage-id', label: 'Qualified', kind: 'qualified' },
      { id: 'unqualified-stage-id', label: 'Disqualified', kind: 'disqualified' },
    ]);
    await call(
      'PUT',
      '/__standin/lead-pipelines',
      {
        results: [
          {
            id: 'lead-pipeline-id',
            label: 'Lead pipeline',
            stages: [
              { id: 'new-stage-id', label: '新規', displayOrder: 0 },
              { id: '3001', label: 'Nurture', displayOrder: 1, metadata: { leadState: 'DISQUALIFIED' } },
            ],
          },
        ],
      },
      null,
    );
    expect(await gateway.listLeadStages()).toEqual([
      { id: 'new-stage-id', label: '新規', kind: 'new' },
      { id: '3001', label: 'Nurture', kind: 'disqualified' },
    ]);
  });

  it('When leads are searched by a property, then only the matching ones come back, and an unknown property is refused', async () => {
    const { gateway, call } = await start();
    await gateway.createLead(newLead);
    await gateway.createLead({
      ...newLead,
      handoffKey: '502:1796115600000',
      contactId: '502',
      companyId: null,
      name: 'Ben Ito (B1)',
    });
    const found = await call('POST', `${LEADS}/search`, {
      filterGroups: [
        { filters: [{ propertyName: 'lead_pact_handoff_key', operator: 'EQ', value: '502:1796115600000' }] },
      ],
      properties: ['hs_lead_name'],
    });
    expect(found.body).toMatchObject({
      total: 1,
      results: [{ properties: { hs_lead_name: 'Ben Ito (B1)' } }],
    });
    const unknown = await call('POST', `${LEADS}/search`, {
      filterGroups: [{ filters: [{ propertyName: 'nope', operator: 'EQ', value: 'x' }] }],
    });
    expect(unknown.status).toBe(400);
  });

  it('When a read by idProperty names a property that is not unique, then it is refused; a missing key is a 207 error', async () => {
    const { call } = await start();
    const byName = await call('POST', `${LEADS}/batch/read`, {
      idProperty: 'hs_lead_name',
      inputs: [{ id: 'X' }],
    });
    expect(byName.status).toBe(400);
    const missing = await call('POST', `${LEADS}/batch/read`, {
      idProperty: 'lead_pact_handoff_key',
      inputs: [{ id: 'none' }],
    });
    expect(missing).toMatchObject({ status: 207, body: { errors: [{ category: 'OBJECT_NOT_FOUND' }] } });
  });

  it('When Lead Pact’s lead properties are ensured twice, then the second run creates nothing', async () => {
    const { gateway, standin } = await start();
    const before = standin.state.requestLog.length;
    await gateway.ensureLeadProperties();
    const second = standin.state.requestLog.slice(before).map((r) => `${r.method} ${r.path}`);
    expect(second).toEqual([
      'GET /crm/properties/2026-03/leads/groups/lead_pact',
      'GET /crm/properties/2026-03/leads',
    ]);
    expect(standin.state.leads.properties.get('lead_pact_handoff_key')?.hasUniqueValue).toBe(true);
  });
});

describe('stand-in Leads within HubSpot’s limits', () => {
  it('When the app sends more lead requests than the portal’s 10-second limit, then HubSpot’s TEN_SECONDLY_ROLLING 429 comes back as rate limited', async () => {
    const standin = createStandin({ perTenSeconds: 3, seed: { contacts: [], companies: [] } });
    const { url, close } = await standin.listen(0);
    running.push(close);
    const gateway = createApiClientLeadsGateway({ accessToken: 'tok-1', basePath: url });
    expect(await gateway.getLead('1')).toBeNull();
    expect(await gateway.getLead('2')).toBeNull();
    expect(await gateway.getLead('3')).toBeNull();
    const error = await gateway.getLead('4').catch((e: unknown) => e);
    expect(isAppError(error, 'rate_limited')).toBe(true);
    expect(standin.state.stats.rateLimited.TEN_SECONDLY_ROLLING).toBe(1);
    expect(standin.state.stats.byRoute[`GET ${LEADS}/:id`]).toBe(4);
  });
});
