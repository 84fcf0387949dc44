import type { ContactRecord } from '../qualification';
import { parseNumber } from '../values/parse-number';

/** Lifecycle stages that mean the lead turned into business. */
const CONVERTED_STAGES = new Set(['opportunity', 'customer', 'evangelist']);

/** What happened to a contact: unknown (no lifecycle stage nor deal count), or converted or not. */
export type Outcome = 'unknown' | 'converted' | 'not_converted';

/**
 * A contact converted when its lifecycle stage reached opportunity (or later) or it has an associated deal.
 * Its outcome is unknown when neither `lifecyclestage` nor `num_associated_deals` is known.
 */
export function outcomeOf(contact: ContactRecord): Outcome {
  const stage = contact.properties.lifecyclestage?.trim().toLowerCase().replace(/\s+/g, '') ?? '';
  const dealsText = contact.properties.num_associated_deals?.trim() ?? '';
  if (stage === '' && dealsText === '') return 'unknown';
  const deals = parseNumber(dealsText);
  return CONVERTED_STAGES.has(stage) || deals > 0 ? 'converted' : 'not_converted';
}
