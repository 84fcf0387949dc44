import { DateTime } from 'luxon';
import type { Agreement } from '../agreement-schema';
import { fillTemplate, LABELS, labelGroup, type LabelGroup, type Labels } from '../i18n';
import {
  LOCALES,
  REJECT_REASONS,
  SLA_STATUSES,
  TIERS,
  VERDICTS,
  type ContactRecord,
  type Locale,
  type PropertyMap,
  type RejectReason,
  type SlaStatus,
} from '../qualification';
import { assessSla, type SlaRecycleCause } from '../sla';
import { parseDate } from '../values/parse-date';

/**
 * Why a handed-over lead is recycled in the preview: the SLA now (never touched, or touched but no progress), or
 * already before the export (rejected by sales, or recycled by the service).
 */
export type PreviewRecycleCause = SlaRecycleCause | 'rejected' | 'earlier';
export const PREVIEW_RECYCLE_CAUSES: readonly PreviewRecycleCause[] = [
  'sla_no_touch',
  'sla_no_progress',
  'rejected',
  'earlier',
];

/** What the SLA makes of one contact the export shows handed to sales (or already recycled). */
export interface SlaPreview {
  /** Null for a contact recycled before the export. */
  qualifiedAt: number | null;
  dueAt: number | null;
  status: SlaStatus | null;
  touchAt: number | null;
  recycle: PreviewRecycleCause | null;
  rejectReason: RejectReason | null;
}

/** One listed contact of the preview (the `--json` output names each with its reasons in both languages). */
export interface PreviewedContact {
  id: string;
  /** True when it ends in the `recycled` tier; false for a breached lead that stays sales-ready. */
  recycled: boolean;
  cause: PreviewRecycleCause | null;
  slaStatus: SlaStatus | null;
  /** ISO instants, null when not known. */
  qualifiedAt: string | null;
  followUpDue: string | null;
  reasons: Record<Locale, string>;
}

/** The recycling preview of a simulation: present only when some contact carried the `lead_pact_*` columns. */
export interface RecyclingPreviewResult {
  /** Contacts with a `lead_pact_tier` value. */
  withLeadPactColumns: number;
  /** Contacts the export shows sales-ready with a readable `lead_pact_qualified_at`: the SLA applies to them. */
  handedOver: number;
  /** Sales-ready in the export but without a readable qualified-at date: the SLA cannot be applied. */
  undated: number;
  /** SLA status at `now` of the handed-over contacts. */
  sla: Record<SlaStatus, number>;
  /** Contacts in the `recycled` tier by cause (a disqualified contact stays disqualified and is not counted). */
  recycled: { total: number } & Record<PreviewRecycleCause, number>;
  /** Recycled and breached contacts, in file order, at most `MAX_PREVIEWED_CONTACTS`. */
  contacts: PreviewedContact[];
  /** Recycled or breached contacts beyond the list. */
  more: number;
}

/** Contacts listed with their reasons; the counts go on past this. */
export const MAX_PREVIEWED_CONTACTS = 1000;

type Sla = Agreement['sla'];

/** Internal value -> itself, and English and Japanese option labels (lower-cased) -> internal value. */
function optionReader<T extends string>(group: LabelGroup, values: readonly T[]): (raw: unknown) => T | null {
  const byText = new Map<string, T>();
  for (const value of values) byText.set(value, value);
  for (const locale of LOCALES) {
    const labels = labelGroup(LABELS[locale], group) as Record<string, string>;
    for (const value of values) if (labels[value]) byText.set(labels[value].toLowerCase(), value);
  }
  return (raw) => (typeof raw === 'string' ? (byText.get(raw.trim().toLowerCase()) ?? null) : null);
}

// HubSpot exports an enumeration by its option label ("Sales-ready"), its API (and an export asked for internal
// values) by the internal value: https://knowledge.hubspot.com/articles/kcs_article/contacts/what-is-the-difference-between-value-and-label-for-contact-property-options
// and https://developers.hubspot.com/docs/api/crm/exports. Lead Pact's options have one (English) label each.
const tierOf = optionReader('tier', TIERS);
const slaStatusOf = optionReader('slaStatus', SLA_STATUSES);
const verdictOf = optionReader('verdict', VERDICTS);
const rejectReasonOf = optionReader('rejectReason', REJECT_REASONS);

/**
 * What the agreement's SLA makes at `now` of a contact whose export carries the `lead_pact_*` columns, with the
 * same rules as the service's SLA sweep (`assessSla`): a `sales_ready` lead with its `lead_pact_qualified_at` gets
 * its status and is recycled after `progressDays` without progress; a lead already `recycled` stays recycled (the
 * export has no recycling date, so a newer signal cannot be told apart). Null for every other contact: the
 * simulation treats it as it always has.
 */
export function previewSla(properties: PropertyMap, sla: Sla, now: number): SlaPreview | null {
  const tier = tierOf(properties.lead_pact_tier);
  if (tier === 'recycled') {
    const rejected = verdictOf(properties.lead_pact_verdict) === 'rejected';
    return {
      qualifiedAt: dateOf(properties.lead_pact_qualified_at),
      dueAt: null,
      status: null,
      touchAt: null,
      recycle: rejected ? 'rejected' : 'earlier',
      rejectReason: rejected ? rejectReasonOf(properties.lead_pact_reject_reason) : null,
    };
  }
  if (tier !== 'sales_ready') return null;
  const qualifiedAt = dateOf(properties.lead_pact_qualified_at);
  if (qualifiedAt === null) return null;
  const previous = slaStatusOf(properties.lead_pact_sla_status);
  const { dueAt, status, touchAt, recycle } = assessSla({ properties, qualifiedAt, previous, sla, now });
  return { qualifiedAt, dueAt, status, touchAt, recycle, rejectReason: null };
}

function dateOf(raw: string | null | undefined): number | null {
  const at = typeof raw === 'string' ? parseDate(raw) : NaN;
  return Number.isNaN(at) ? null : at;
}

/** The reasons of a preview in one language: "no sales activity within 2 business days of 2026-11-20; no progress in 30 days". */
export function previewReasons(preview: SlaPreview, sla: Sla, labels: Labels): string {
  const day = (ms: number) => DateTime.fromMillis(ms, { zone: sla.timezone }).toISODate() ?? '';
  if (preview.recycle === 'earlier') return labels['reason.slaEarlier'];
  if (preview.recycle === 'rejected') {
    const reason = preview.rejectReason ? labels[`rejectReason.${preview.rejectReason}`] : null;
    return labels['reason.slaRejected'] + (reason ? labels['reason.colon'] + reason : '');
  }
  const parts: string[] = [];
  const { qualifiedAt, dueAt, touchAt } = preview;
  if (qualifiedAt !== null && dueAt !== null) {
    if (preview.status === 'met') parts.push(labels['reason.slaMet']);
    else if (touchAt !== null && touchAt > dueAt)
      parts.push(fillTemplate(labels['reason.slaLateTouch'], { touch: day(touchAt), due: day(dueAt) }));
    else if (preview.status === 'breached')
      parts.push(
        fillTemplate(labels['reason.slaNoTouch'], {
          days: sla.firstTouchBusinessDays,
          date: day(qualifiedAt),
        }),
      );
    else parts.push(fillTemplate(labels['reason.slaNoTouchYet'], { due: day(dueAt) }));
  }
  if (preview.recycle !== null)
    parts.push(fillTemplate(labels['reason.slaNoProgress'], { days: sla.progressDays }));
  return parts.join(labels['reason.list']);
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/**
 * The recycling preview of a running simulation: `check` each contact before it is qualified (a contact the SLA
 * recycles is qualified as recycled at `now`, as the service would), then `count` it with its final tier. Memory is
 * bounded by `MAX_PREVIEWED_CONTACTS`.
 */
export function createRecyclingPreview(sla: Sla, now: number) {
  let withColumns = 0;
  let handedOver = 0;
  let undated = 0;
  const statuses: Record<SlaStatus, number> = { on_track: 0, met: 0, breached: 0 };
  const recycled = { total: 0, sla_no_touch: 0, sla_no_progress: 0, rejected: 0, earlier: 0 };
  const contacts: PreviewedContact[] = [];
  let more = 0;

  return {
    /** The contact's preview, or null when it carries no `lead_pact_*` verdict the SLA applies to. */
    check(contact: ContactRecord): SlaPreview | null {
      const tier = contact.properties.lead_pact_tier;
      if (typeof tier !== 'string' || tier.trim() === '') return null;
      withColumns++;
      const preview = previewSla(contact.properties, sla, now);
      if (preview === null && tierOf(tier) === 'sales_ready') undated++;
      return preview;
    },
    /** Counts a checked contact once qualified: `recycled` is true when its final tier is `recycled`. */
    count(id: string, preview: SlaPreview, isRecycled: boolean): void {
      if (preview.status !== null) {
        handedOver++;
        statuses[preview.status]++;
      }
      const cause = isRecycled ? preview.recycle : null;
      if (cause !== null) {
        recycled.total++;
        recycled[cause]++;
      }
      if (cause === null && preview.status !== 'breached') return;
      if (contacts.length >= MAX_PREVIEWED_CONTACTS) return void more++;
      // A lead the SLA would recycle but that stays disqualified is listed for its breach alone.
      const shown = { ...preview, recycle: cause };
      contacts.push({
        id,
        recycled: cause !== null,
        cause,
        slaStatus: preview.status,
        qualifiedAt: iso(preview.qualifiedAt),
        followUpDue: iso(preview.dueAt),
        reasons: { en: previewReasons(shown, sla, LABELS.en), ja: previewReasons(shown, sla, LABELS.ja) },
      });
    },
    /** Null when no contact carried the columns: the simulation's output stays as it was. */
    result(): RecyclingPreviewResult | null {
      if (withColumns === 0) return null;
      return {
        withLeadPactColumns: withColumns,
        handedOver,
        undated,
        sla: { ...statuses },
        recycled: { ...recycled },
        contacts: [...contacts],
        more,
      };
    },
  };
}
