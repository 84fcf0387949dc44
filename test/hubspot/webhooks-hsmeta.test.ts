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
const subscribedProperties = crmObjects
  .filter((s) => s.subscriptionType === 'object.propertyChange')
  .map((s) => s.propertyName);

/** Every contact property an agreement reads: rule/disqualifier `property`, signal `when.property` and `at`. */
function contactPropertiesOf(agreement: unknown): string[] {
  const found = new Set<string>();
  const visit = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    for (const [key, value] of Object.entries(node)) {
      if ((key === 'property' || key === 'at') && typeof value === 'string' && !value.startsWith('company.'))
        found.add(value);
      visit(value);
    }
  };
  visit(agreement);
  return [...found].sort();
}

describe('webhooks-hsmeta.json', () => {
  it('sends every event to ${BACKEND_URL}/webhooks/hubspot, taken from the project profile', () => {
    expect(meta).toMatchObject({
      type: 'webhooks',
      config: { settings: { targetUrl: '${BACKEND_URL}/webhooks/hubspot' } },
    });
  });

  it('subscribes to contact creation, deletion, merge and privacy deletion', () => {
    const lifecycle = crmObjects.filter((s) => s.subscriptionType !== 'object.propertyChange');
    expect(lifecycle.map((s) => [s.subscriptionType, s.objectType, s.active])).toEqual([
      ['object.creation', 'contact', true],
      ['object.deletion', 'contact', true],
      ['object.merge', 'contact', true],
    ]);
    expect(meta.config.subscriptions.hubEvents).toEqual([
      { subscriptionType: 'contact.privacyDeletion', active: true },
    ]);
  });

  it('When the example agreement reads a contact property, then a change of it is subscribed', () => {
    const needed = contactPropertiesOf(read('examples/agreement.json'));
    expect(needed.length).toBeGreaterThan(3);
    expect(subscribedProperties).toEqual(expect.arrayContaining(needed));
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
