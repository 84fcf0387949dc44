import type { Store } from '../../../src/store/create-store';
import { applyAgreement } from '../../../src/use-cases/agreements/apply-agreement';
import { storeAgreementPorts } from '../../../src/use-cases/agreements/store-ports';

/** The card tests' clock: 2026-11-27 18:00 in Tokyo. */
export const NOW = Date.parse('2026-11-27T09:00:00Z');

/** A director at a 1,200-person software company who asked for a quote three days ago: A2, sales-ready. */
export const DIRECTOR = {
  id: '101',
  properties: {
    jobtitle: 'Director of IT',
    recent_conversion_event_name: 'Newsletter: get a quote',
    recent_conversion_date: new Date(NOW - 3 * 86_400_000).toISOString(),
  },
  company: { numberofemployees: '1200', industry: 'COMPUTER_SOFTWARE' },
};

/** Approves `body` for `portalId` in one step at `now`, as `lead-pact agreement apply` does. */
export const approveAgreement = (store: Store, portalId: string, body: object, now = NOW) =>
  applyAgreement(
    storeAgreementPorts(store, { userTeams: { teamIdsOf: async () => [] }, clock: { now: () => now } }),
    {
      portalId,
      body,
      proposedBy: 'marketing@example.com',
      approvedBy: 'sales@example.com',
    },
  );
