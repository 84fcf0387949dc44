import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const read = (file: string) => JSON.parse(readFileSync(join(ROOT, file), 'utf8'));

interface Subscription {
  subscriptionType: string;
  objectType?: string;
  propertyName?: string;
  active: boolean;
}

const meta = read('extensions/app/webhooks/webhooks-hsmeta.json');
const crmObjects: Subscription[] = meta.config.subscriptions.crmObjects;
const propertyChanges = (objectType: string) =>
  crmObjects
    .filter((s) => s.subscriptionType === 'object.propertyChange' && s.objectType === objectType)
    .map((s) => s.propertyName);
const subscribedProperties = propertyChanges('contact');
const subscribedCompanyProperties = propertyChanges('company');

/** Every property an agreement reads (rule/disqualifier `property`, signal `when.property` and `at`), by object. */
function propertiesOf(agreement: unknown): { contact: string[]; company: string[] } {
  const found = { contact: new Set<string>(), company: new Set<string>() };
  const visit = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    for (const [key, value] of Object.entries(node)) {
      if ((key === 'property' || key === 'at') && typeof value === 'string') {
        if (value.startsWith('company.')) found.company.add(value.slice('company.'.length));
        else found.contact.add(value);
      }
      visit(value);
    }
  };
  visit(agreement);
  return { contact: [...found.contact].sort(), company: [...found.company].sort() };
}

describe('webhooks-hsmeta.json', () => {
  it('sends every event to ${BACKEND_URL}/webhooks/hubspot, taken from the project profile', () => {
    expect(meta).toMatchObject({
      type: 'webhooks',
      config: { settings: { targetUrl: '${BACKEND_URL}/webhooks/hubspot' } },
    });
  });

  it('subscribes to contact creation, deletion, merge, restore, privacy deletion and company associations, company restores and Lead deletions', () => {
    const lifecycle = crmObjects.filter((s) => s.subscriptionType !== 'object.propertyChange');
    expect(lifecycle.map((s) => [s.subscriptionType, s.objectType, s.active])).toEqual([
      ['object.creation', 'contact', true],
      ['object.deletion', 'contact', true],
      ['object.merge', 'contact', true],
      ['object.restore', 'contact', true],
      ['object.associationChange', 'contact', true],
      ['object.restore', 'company', true],
      ['object.deletion', 'lead', true],
    ]);
    expect(meta.config.subscriptions.hubEvents).toEqual([
      { subscriptionType: 'contact.privacyDeletion', active: true },
    ]);
  });

  it('When the example agreement reads a contact property, then a change of it is subscribed', () => {
    const needed = propertiesOf(read('examples/agreement.json')).contact;
    expect(needed.length).toBeGreaterThan(3);
    expect(subscribedProperties).toEqual(expect.arrayContaining(needed));
  });

  it('When the example agreement reads a company property, then a change of it on the company is subscribed', () => {
    const needed = propertiesOf(read('examples/agreement.json')).company;
    expect(needed).toEqual(['industry', 'numberofemployees']);
    expect(subscribedCompanyProperties).toEqual(expect.arrayContaining(needed));
  });

  it('subscribes to the company facts fit rules are written on (size, revenue, industry, type, place, stage, ICP)', () => {
    expect(subscribedCompanyProperties).toEqual([
      'numberofemployees',
      'annualrevenue',
      'industry',
      'type',
      'country',
      'state',
      'city',
      'lifecyclestage',
      'hs_ideal_customer_profile',
      'is_public',
      'founded_year',
    ]);
  });

  it('When a rep moves a HubSpot Lead through its pipeline, then the stage change (the first touch for the SLA) and the disqualification reason are subscribed, and nothing else of Leads', () => {
    // Generic subscriptions name the lead object "lead" (https://developers.hubspot.com/changelog/public-beta-generic-webhook-subscriptions).
    expect(propertyChanges('lead')).toEqual(['hs_pipeline_stage', 'hs_lead_disqualification_reason']);
    expect(crmObjects.filter((s) => s.objectType === 'lead').every((s) => s.active)).toBe(true);
  });

  it('subscribes to the SLA inputs (sales activity, lifecycle stage, deals) and owner changes', () => {
    expect(subscribedProperties).toEqual(
      expect.arrayContaining([
        'notes_last_contacted',
        'hs_last_sales_activity_timestamp',
        'lifecyclestage',
        'num_associated_deals',
        'hubspot_owner_id',
      ]),
    );
    expect(new Set(subscribedProperties).size).toBe(subscribedProperties.length);
  });
});
