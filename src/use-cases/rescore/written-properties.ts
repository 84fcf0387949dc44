import type { StoredQualification } from '../../store/repositories/qualifications-repository';

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

/** The version property alone never triggers a write: an unchanged verdict is not re-sent after every approval. */
const VERSION_PROPERTY = 'lead_pact_agreement_version';

const text = (value: number | string | null): string => (value === null ? '' : String(value));

/** The `lead_pact_*` values HubSpot should hold for a qualification; '' clears a property. */
export function writtenProperties(q: WrittenFields): Record<string, string> {
  return {
    lead_pact_tier: q.tier,
    lead_pact_grade: q.grade,
    lead_pact_score: text(q.score),
    lead_pact_stage: q.stage,
    lead_pact_route: q.route,
    lead_pact_reasons: q.reasons,
    [VERSION_PROPERTY]: text(q.agreementVersion),
    lead_pact_qualified_at: text(q.qualifiedAt),
    lead_pact_follow_up_due: text(q.followUpDue),
    lead_pact_sla_status: text(q.slaStatus),
  };
}

/**
 * Only the properties whose value changed. A first write skips empty values (nothing to clear);
 * when nothing but the agreement version changed, nothing is written.
 */
export function changedProperties(
  before: Record<string, string> | null,
  after: Record<string, string>,
): Record<string, string> {
  const changed: Record<string, string> = {};
  let meaningful = false;
  for (const [name, value] of Object.entries(after)) {
    if (before === null ? value === '' : before[name] === value) continue;
    changed[name] = value;
    if (name !== VERSION_PROPERTY) meaningful = true;
  }
  return meaningful ? changed : {};
}
