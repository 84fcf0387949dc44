import nock from 'nock';
import { createApiClientGateway } from '../../src/hubspot/api-client-gateway';
import { LEAD_PACT_PROPERTIES, type PropertyDefinition } from '../../src/hubspot/lead-pact-properties';
import { fixture } from './fixture';
import { useNock } from './use-nock';

const API = 'https://api.hubapi.com';
const gateway = () => createApiClientGateway({ accessToken: 'token-abc', basePath: API });
const PROPS = '/crm/v3/properties/contacts';

/** A property as HubSpot returns it once it exists. */
const existing = (definition: PropertyDefinition) => ({
  ...definition,
  createdAt: '2026-10-01T10:00:00.000Z',
  updatedAt: '2026-10-01T10:00:00.000Z',
  displayOrder: -1,
  hidden: false,
  formField: false,
  calculated: false,
  externalOptions: false,
  hasUniqueValue: false,
  hubspotDefined: false,
  modificationMetadata: { archivable: true, readOnlyDefinition: false, readOnlyValue: false },
  options: definition.options ?? [],
});
const standard = { ...existing(LEAD_PACT_PROPERTIES[0]!), name: 'jobtitle', groupName: 'contactinformation' };

useNock();

describe('ensureProperties', () => {
  it('When the portal has nothing yet, then the group and every property are created exactly as defined', async () => {
    const created: Array<Record<string, unknown>> = [];
    let group: unknown;
    nock(API)
      .get(`${PROPS}/groups/lead_pact`)
      .reply(404, fixture('property-group-404'))
      .post(`${PROPS}/groups`, (body) => ((group = body), true))
      .reply(201, fixture('property-group-lead-pact'))
      .get(PROPS)
      .query({ archived: 'false' })
      .reply(200, { results: [standard] })
      .post(PROPS, (body) => (created.push(body), true))
      .times(12)
      .reply(201, (_uri, body) => existing(body as PropertyDefinition));

    const report = await gateway().ensureProperties();

    expect(group).toEqual({ name: 'lead_pact', label: 'Lead Pact', displayOrder: -1 });
    expect(report).toEqual({
      groupCreated: true,
      created: LEAD_PACT_PROPERTIES.map((p) => p.name),
      optionsAdded: [],
      unchanged: [],
    });
    expect(created.find((p) => p.name === 'lead_pact_tier')).toEqual({
      name: 'lead_pact_tier',
      label: 'Lead Pact tier',
      description: 'Handoff decision: sales ready, nurture, recycled or disqualified.',
      groupName: 'lead_pact',
      type: 'enumeration',
      fieldType: 'select',
      options: [
        { label: 'Sales-ready', value: 'sales_ready', displayOrder: 0, hidden: false },
        { label: 'Nurture', value: 'nurture', displayOrder: 1, hidden: false },
        { label: 'Recycled', value: 'recycled', displayOrder: 2, hidden: false },
        { label: 'Disqualified', value: 'disqualified', displayOrder: 3, hidden: false },
      ],
    });
    const kinds = Object.fromEntries(created.map((p) => [p.name, `${p.type}/${p.fieldType}`]));
    expect(kinds).toMatchObject({
      lead_pact_score: 'number/number',
      lead_pact_reasons: 'string/textarea',
      lead_pact_qualified_at: 'datetime/date',
      lead_pact_follow_up_due: 'datetime/date',
      lead_pact_agreement_version: 'number/number',
    });
    const grade = created.find((p) => p.name === 'lead_pact_grade') as { options: Array<{ value: string }> };
    expect(grade.options.map((o) => o.value)).toHaveLength(16);
  });

  it('When everything already exists, then a second install sends no creates and no updates', async () => {
    nock(API)
      .get(`${PROPS}/groups/lead_pact`)
      .reply(200, fixture('property-group-lead-pact'))
      .get(PROPS)
      .query({ archived: 'false' })
      .reply(200, { results: [standard, ...LEAD_PACT_PROPERTIES.map(existing)] });
    const report = await gateway().ensureProperties();
    expect(report).toEqual({
      groupCreated: false,
      created: [],
      optionsAdded: [],
      unchanged: LEAD_PACT_PROPERTIES.map((p) => p.name),
    });
  });

  it('When a select lacks one option, then a PATCH sends the union and keeps the portal’s own options', async () => {
    let patch: unknown;
    const tier = fixture('property-lead-pact-tier-missing-option');
    const others = LEAD_PACT_PROPERTIES.filter((p) => p.name !== 'lead_pact_tier').map(existing);
    nock(API)
      .get(`${PROPS}/groups/lead_pact`)
      .reply(200, fixture('property-group-lead-pact'))
      .get(PROPS)
      .query({ archived: 'false' })
      .reply(200, { results: [tier, ...others] })
      .patch(`${PROPS}/lead_pact_tier`, (body) => ((patch = body), true))
      .reply(200, tier);
    const report = await gateway().ensureProperties();
    expect(report.optionsAdded).toEqual(['lead_pact_tier']);
    expect(patch).toEqual({
      options: [
        { label: 'Sales ready', value: 'sales_ready', displayOrder: 0, hidden: false },
        { label: 'Nurture', value: 'nurture', displayOrder: 1, hidden: false },
        { label: 'Disqualified', value: 'disqualified', displayOrder: 3, hidden: false },
        { label: 'VIP (added by the portal admin)', value: 'vip', displayOrder: 4, hidden: false },
        { label: 'Recycled', value: 'recycled', displayOrder: 5, hidden: false },
      ],
    });
  });

  it('When another worker created a property meanwhile (409), then it is read back instead of failing', async () => {
    const others = LEAD_PACT_PROPERTIES.filter((p) => p.name !== 'lead_pact_tier').map(existing);
    nock(API)
      .get(`${PROPS}/groups/lead_pact`)
      .reply(200, fixture('property-group-lead-pact'))
      .get(PROPS)
      .query({ archived: 'false' })
      .reply(200, { results: others })
      .post(PROPS)
      .reply(409, fixture('property-409-exists'))
      .get(`${PROPS}/lead_pact_tier`)
      .query(true)
      .reply(200, existing(LEAD_PACT_PROPERTIES[0]!));
    const report = await gateway().ensureProperties();
    expect(report.created).toEqual([]);
    expect(report.unchanged).toContain('lead_pact_tier');
  });
});
