import type { Api } from './api-harness';
import { DAY, NOW, PORTAL_A } from './api-harness';

const TITLES = ['Director of IT', '部長', 'Manager', 'Engineer', 'VP Sales', '課長', 'Intern', 'Head of Ops'];
const EVENTS = ['Newsletter: get a quote', '料金表', 'Document request', '', 'Webinar'];
const INDUSTRIES = ['COMPUTER_SOFTWARE', 'MACHINERY', 'RETAIL'];

/** `count` varied contacts (titles, conversions, company sizes) stored for a portal, a simulation's worth of work. */
export async function storeManyContacts(api: Api, count: number, portalId = PORTAL_A): Promise<void> {
  const contacts = Array.from({ length: count }, (_, i) => ({
    id: String(100_000 + i),
    properties: {
      jobtitle: TITLES[i % TITLES.length]!,
      recent_conversion_event_name: EVENTS[i % EVENTS.length]!,
      recent_conversion_date: new Date(NOW - (i % 60) * DAY).toISOString(),
      email: `c${i}@buyer.example`,
      lifecyclestage: i % 50 === 0 ? 'customer' : 'lead',
    },
    company: { numberofemployees: String((i * 37) % 3000), industry: INDUSTRIES[i % INDUSTRIES.length]! },
  }));
  for (let i = 0; i < contacts.length; i += 5000) {
    await api.store.contacts.upsertMany(String(portalId), contacts.slice(i, i + 5000), NOW);
  }
}
