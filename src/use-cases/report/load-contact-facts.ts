import { REJECT_REASONS, VERDICTS } from '../../domain/qualification';
import type { ContactEvent, VerdictEvent } from '../../domain/report/report-input';
import type { ReportReadsPort } from '../ports/report-reads';
import { parseInstant } from './parse-instant';
import { storedValue } from './stored-value';

/** Contact properties that record a sales touch (DESIGN.md, SLA). */
export const TOUCH_PROPERTIES = ['notes_last_contacted', 'hs_last_sales_activity_timestamp'] as const;
/** Contacts per read: the `in (...)` list stays well under both engines' parameter limits. */
const CHUNK = 500;

/** What the report needs to know about a few contacts (the handed and recycled ones). */
export interface ContactFacts {
  owners: Map<string, string | null>;
  /**
   * Every touch time known: current property values, the ones seen through webhooks, and when a rep first moved
   * the contact's HubSpot Lead on (as the SLA counts it).
   */
  touches: ContactEvent[];
  verdicts: VerdictEvent[];
}

type FactReads = Pick<ReportReadsPort, 'contactProperties' | 'seenValues' | 'verdicts' | 'leadTouches'>;

/** Owners, touch times (HubSpot Leads worked included) and verdicts of `contactIds`, read in chunks. */
export async function loadContactFacts(
  reads: FactReads,
  portalId: string,
  contactIds: readonly string[],
): Promise<ContactFacts> {
  const facts: ContactFacts = { owners: new Map(), touches: [], verdicts: [] };
  for (let i = 0; i < contactIds.length; i += CHUNK) {
    const ids = contactIds.slice(i, i + CHUNK);
    for (const { contactId, properties } of await reads.contactProperties(portalId, ids)) {
      facts.owners.set(contactId, properties.hubspot_owner_id || null);
      for (const name of TOUCH_PROPERTIES) {
        const at = parseInstant(properties[name]);
        if (at !== null) facts.touches.push({ contactId, at });
      }
    }
    for (const seen of await reads.seenValues(portalId, ids, TOUCH_PROPERTIES)) {
      const at = parseInstant(seen.value);
      if (at !== null) facts.touches.push({ contactId: seen.contactId, at });
    }
    facts.touches.push(...(await reads.leadTouches(portalId, ids)));
    const verdicts = await reads.verdicts(portalId, ids);
    facts.verdicts.push(
      ...verdicts.map((row) => ({
        contactId: row.contactId,
        at: row.at,
        verdict: storedValue(VERDICTS, row.verdict, 'verdicts.verdict'),
        reason: row.reason === null ? null : storedValue(REJECT_REASONS, row.reason, 'verdicts.reason'),
      })),
    );
  }
  return facts;
}
