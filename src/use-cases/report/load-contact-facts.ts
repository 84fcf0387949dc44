import { z } from 'zod';
import { REJECT_REASONS, VERDICTS } from '../../domain/qualification';
import type { ContactEvent, VerdictEvent } from '../../domain/report/report-input';
import { fromJson } from '../../store/json-column';
import { parseInstant } from './parse-instant';
import type { ReportDb } from './report-db';
import { storedValue } from './stored-value';

/** Contact properties that record a sales touch (DESIGN.md, SLA). */
export const TOUCH_PROPERTIES = ['notes_last_contacted', 'hs_last_sales_activity_timestamp'] as const;
const CHUNK = 500;

const storedProperties = z.record(z.string(), z.string().nullable().optional());

/** What the report needs to know about a few contacts (the handed and recycled ones). */
export interface ContactFacts {
  owners: Map<string, string | null>;
  /** Every touch time known: current property values and the ones seen through webhooks. */
  touches: ContactEvent[];
  verdicts: VerdictEvent[];
}

/** Owners, touch times and verdicts of `contactIds`, read in chunks. */
export async function loadContactFacts(
  { db }: ReportDb,
  portalId: string,
  contactIds: readonly string[],
): Promise<ContactFacts> {
  const facts: ContactFacts = { owners: new Map(), touches: [], verdicts: [] };
  for (let i = 0; i < contactIds.length; i += CHUNK) {
    const ids = contactIds.slice(i, i + CHUNK);
    const contacts = await db
      .selectFrom('contacts')
      .select(['contact_id', 'properties'])
      .where('portal_id', '=', portalId)
      .where('contact_id', 'in', ids)
      .execute();
    for (const contact of contacts) {
      const properties = fromJson(storedProperties, contact.properties, 'contacts.properties');
      facts.owners.set(contact.contact_id, properties.hubspot_owner_id || null);
      for (const name of TOUCH_PROPERTIES) {
        const at = parseInstant(properties[name]);
        if (at !== null) facts.touches.push({ contactId: contact.contact_id, at });
      }
    }
    const seen = await db
      .selectFrom('signal_history')
      .select(['contact_id', 'value'])
      .where('portal_id', '=', portalId)
      .where('contact_id', 'in', ids)
      .where('property', 'in', [...TOUCH_PROPERTIES])
      .execute();
    for (const row of seen) {
      const at = parseInstant(row.value);
      if (at !== null) facts.touches.push({ contactId: row.contact_id, at });
    }
    const verdicts = await db
      .selectFrom('verdicts')
      .select(['contact_id', 'verdict', 'reason', 'at'])
      .where('portal_id', '=', portalId)
      .where('contact_id', 'in', ids)
      .orderBy('id')
      .execute();
    facts.verdicts.push(
      ...verdicts.map((row) => ({
        contactId: row.contact_id,
        at: Number(row.at),
        verdict: storedValue(VERDICTS, row.verdict, 'verdicts.verdict'),
        reason: row.reason === null ? null : storedValue(REJECT_REASONS, row.reason, 'verdicts.reason'),
      })),
    );
  }
  return facts;
}
