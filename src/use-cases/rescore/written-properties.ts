import type { StoredQualification } from '../ports/qualifications';

/** The qualification fields that become HubSpot properties (DESIGN.md section 4). */
export type WrittenFields = Pick<
  StoredQualification,
  | 'tier'
  | 'grade'
  | 'score'
  | 'stage'
  | 'route'
  | 'reasons'
  | 'agreementVersion'
  | 'qualifiedAt'
  | 'followUpDue'
  | 'slaStatus'
>;

/** Each written property and the field it comes from; '' clears a property in HubSpot. */
const PROPERTIES: readonly (readonly [string, keyof WrittenFields])[] = [
  ['lead_pact_tier', 'tier'],
  ['lead_pact_grade', 'grade'],
  ['lead_pact_score', 'score'],
  ['lead_pact_stage', 'stage'],
  ['lead_pact_route', 'route'],
  ['lead_pact_reasons', 'reasons'],
  ['lead_pact_qualified_at', 'qualifiedAt'],
  ['lead_pact_follow_up_due', 'followUpDue'],
  ['lead_pact_sla_status', 'slaStatus'],
];

const text = (value: number | string | null): string => (value === null ? '' : String(value));

/** The `lead_pact_*` values HubSpot should hold for a qualification. */
export function writtenProperties(q: WrittenFields): Record<string, string> {
  const properties: Record<string, string> = {};
  for (const [name, field] of PROPERTIES) properties[name] = text(q[field]);
  properties.lead_pact_agreement_version = text(q.agreementVersion);
  return properties;
}

/** The bit of `changedMask` that says the tier changed. */
export const TIER_BIT = 1 << PROPERTIES.findIndex(([, field]) => field === 'tier');

/** The bit of `changedMask` that says the agreement version goes along with the changed properties. */
const VERSION_BIT = 1 << PROPERTIES.length;

/**
 * Which properties changed, as bits (bit i: PROPERTIES[i]), 0 when nothing did. A first write skips empty
 * values (nothing to clear). The agreement version alone never triggers a write: an unchanged verdict is
 * not re-sent to HubSpot after every approval; it goes along when anything else changes. Runs once per
 * contact in a rescore, so it compares fields without building maps; a number also crosses threads cheaply.
 */
export function changedMask(before: WrittenFields | null, after: WrittenFields): number {
  let mask = 0;
  for (let i = 0; i < PROPERTIES.length; i++) {
    const value = after[PROPERTIES[i]![1]];
    if (before === null ? value === null || value === '' : before[PROPERTIES[i]![1]] === value) continue;
    mask |= 1 << i;
  }
  if (mask !== 0 && (before === null || before.agreementVersion !== after.agreementVersion))
    mask |= VERSION_BIT;
  return mask;
}

/** The property values a `changedMask` selects. */
export function maskedProperties(mask: number, after: WrittenFields): Record<string, string> {
  const properties: Record<string, string> = {};
  for (let i = 0; i < PROPERTIES.length; i++) {
    const [name, field] = PROPERTIES[i]!;
    if (mask & (1 << i)) properties[name] = text(after[field]);
  }
  if (mask & VERSION_BIT) properties.lead_pact_agreement_version = text(after.agreementVersion);
  return properties;
}
