import example from '../examples/agreement.json';
import type { Store } from '../src/store/create-store';
import { applyAgreement } from '../src/use-cases/agreements/apply-agreement';
import { storeAgreementPorts } from '../src/use-cases/agreements/store-ports';
import { scoreNow } from '../src/use-cases/card/score-now';
import { storeCardPorts } from '../src/composition/store-card-ports';
import { benchServiceConfig } from './bench-service-config';

/** A connected portal with the example agreement active and `count` sales-ready-ish contacts scored. */
export async function seedCardPortal(store: Store, portalId: string, count: number): Promise<void> {
  const clock = { now: Date.now };
  await store.installations.connect(portalId, null, [], Date.now());
  const ports = storeAgreementPorts(store, { userTeams: { teamIdsOf: async () => [] }, clock });
  await applyAgreement(ports, {
    portalId,
    body: example,
    proposedBy: 'marketing@bench',
    approvedBy: 'sales@bench',
  });
  const contacts = Array.from({ length: count }, (_, i) => ({
    id: String(1000 + i),
    properties: {
      jobtitle: i % 2 ? 'Director of IT' : 'Engineer',
      recent_conversion_event_name: 'Newsletter: get a quote',
      recent_conversion_date: new Date(Date.now() - (i % 20) * 86_400_000).toISOString(),
    },
    company: { numberofemployees: String(50 + i * 10), industry: 'COMPUTER_SOFTWARE' },
  }));
  await store.contacts.upsertMany(portalId, contacts, Date.now());
  const card = storeCardPorts(store, benchServiceConfig);
  for (const c of contacts) await scoreNow(card, { portalId: portalId, objectId: c.id });
}
