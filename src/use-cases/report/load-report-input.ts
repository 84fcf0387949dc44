import { GRADES, type Grade } from '../../domain/agreement-schema';
import { buildMonthlyReport } from '../../domain/report/build-monthly-report';
import { monthTotals } from '../../domain/report/month-totals';
import type { ReportInput } from '../../domain/report/report-input';
import { routeCapacitiesForMonth } from '../../domain/allocate-capacity';
import { shiftMonth } from '../../domain/report/shift-month';
import { agreementForMonth, capacityOf, reportCriteria } from './agreement-for-month';
import { loadAgreementVersions } from './load-agreement-versions';
import { loadCohort } from './load-cohort';
import { loadHeldBack } from './load-held-back';
import { loadContactFacts } from './load-contact-facts';
import { loadLeadCounts } from './load-lead-counts';
import { loadLeadEvents } from './load-lead-events';
import { loadSlaBreaches } from './load-sla-breaches';
import { recycleCause } from './recycle-cause';
import type { ReportStore } from './report-ports';
import { reportWindow } from './report-window';

const isGrade = (value: string): value is Grade => (GRADES as string[]).includes(value);

/** Leads held back by capacity in the report month, per grade (their grade at the month's end). */
function heldBackByGrade(
  rows: readonly { group: { grade: Grade; count: number } }[],
): { grade: Grade; count: number }[] {
  const byGrade = new Map<Grade, number>();
  for (const { group } of rows) byGrade.set(group.grade, (byGrade.get(group.grade) ?? 0) + group.count);
  return [...byGrade].map(([grade, count]) => ({ grade, count }));
}

/** Events grouped by contact (recycle causes look up one contact's at a time). */
function byContact<T extends { contactId: string }>(events: readonly T[]): Map<string, T[]> {
  const grouped = new Map<string, T[]>();
  for (const event of events) {
    const list = grouped.get(event.contactId);
    if (list) list.push(event);
    else grouped.set(event.contactId, [event]);
  }
  return grouped;
}

/** Time zone when no agreement was ever approved (nothing was handed, so it only names the month). */
const FALLBACK_ZONE = 'UTC';

/**
 * Everything the monthly report of `portalId` for `month` is computed from, read from the store:
 * whole-portal figures are aggregated in SQL (one grouped query over six months of history); only the
 * handed and recycled leads (bounded by capacity) are read one by one. Earlier months become trend totals.
 */
export async function loadReportInput(
  store: ReportStore,
  portalId: string,
  month: string,
  now: number,
): Promise<ReportInput> {
  const versions = await loadAgreementVersions(store, portalId);
  const active = versions.find((version) => version.active) ?? null;
  const timezone = (active ?? versions.at(-1))?.agreement.sla.timezone ?? FALLBACK_ZONE;
  const window = reportWindow(month, timezone);
  const { handoffs, recycles } = await loadLeadEvents(store.reportReads, portalId, window);
  const cohort = await loadCohort(store.reportReads, portalId, window);
  const heldBack = await loadHeldBack(store.reportReads, portalId, window);
  const handedIds = [...new Set(handoffs.map((handoff) => handoff.contactId))];
  const facts = await loadContactFacts(store.reportReads, portalId, [
    ...new Set([...handedIds, ...recycles.map((r) => r.contactId)]),
  ]);
  const slaBreaches = await loadSlaBreaches(store.reportReads, portalId, handedIds, window.start);
  const inputFor = (index: number): ReportInput => {
    const monthOfIndex = window.months[index] as string;
    const inForce = agreementForMonth(versions, window.bounds[index + 1] as number);
    return {
      portalId,
      month: monthOfIndex,
      timezone,
      now,
      capacity: inForce ? capacityOf(inForce.agreement, monthOfIndex) : null,
      ...(inForce?.agreement.capacity.routes
        ? { routeCapacity: routeCapacitiesForMonth(inForce.agreement, monthOfIndex) }
        : {}),
      nextMonthCapacity: active ? capacityOf(active.agreement, shiftMonth(monthOfIndex, 1)) : null,
      agreement: active
        ? {
            version: active.version,
            salesReady: active.agreement.handoff.salesReady.filter(isGrade),
            criteria: reportCriteria(active.agreement),
          }
        : null,
      handoffs: handoffs.map((handoff) => ({
        ...handoff,
        ownerId: facts.owners.get(handoff.contactId) ?? null,
      })),
      firstTouches: facts.touches,
      slaBreaches,
      verdicts: facts.verdicts,
      recycles: [],
      heldBack: [],
      heldBackRoutes: heldBack.get(monthOfIndex) ?? [],
      leads: cohort.filter((row) => row.month === monthOfIndex).map((row) => row.group),
      history: [],
    };
  };
  const last = window.months.length - 1;
  const inForceAtEnd = agreementForMonth(versions, window.end)?.agreement ?? null;
  const hubspotLeads = await loadLeadCounts(store.leads, portalId, window, inForceAtEnd);
  const verdictsOf = byContact(facts.verdicts);
  const touchesOf = byContact(facts.touches);
  return {
    ...inputFor(last),
    recycles: recycles.map((r) => ({
      contactId: r.contactId,
      at: r.at,
      cause: recycleCause(r, verdictsOf.get(r.contactId) ?? [], touchesOf.get(r.contactId) ?? []),
    })),
    heldBack: heldBackByGrade(cohort.filter((row) => row.month === month && row.heldBack)),
    history: window.months.slice(0, last).map((_, index) => {
      const input = inputFor(index);
      const heldBackThen = input.heldBackRoutes?.reduce((sum, row) => sum + row.count, 0);
      return monthTotals(buildMonthlyReport(input), heldBackThen);
    }),
    ...(hubspotLeads ? { hubspotLeads } : {}),
  };
}
