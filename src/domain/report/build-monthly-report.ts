import { buildEvidence } from './build-evidence';
import { buildTrend } from './build-trend';
import { conversionBreakdown } from './conversion-breakdown';
import { countRecycles } from './count-recycles';
import { monthRange } from './month-range';
import { monthTotals } from './month-totals';
import { ROUTES, type Route } from '../agreement-schema';
import type { MonthlyReport, RouteHandoff } from './monthly-report';
import { reportNotes } from './report-notes';
import type { HandoffEvent, ReportInput } from './report-input';
import { shiftMonth } from './shift-month';
import { suggestGrades } from './suggest-grades';
import { summariseFollowUp } from './summarise-follow-up';
import { summariseLeads } from './summarise-leads';
import { summariseVerdicts } from './summarise-verdicts';

/**
 * Months before the report month whose inflow (all leads, by grade) feeds the suggestion. Earlier trend months
 * need only their handed leads.
 */
export const SUGGESTION_BASIS_MONTHS = 2;

/** The first handoff of each contact inside [start, end) (a contact counts once against capacity). */
function handoffsIn(events: readonly HandoffEvent[], range: { start: number; end: number }): HandoffEvent[] {
  const first = new Map<string, HandoffEvent>();
  for (const event of events) {
    if (event.at < range.start || event.at >= range.end) continue;
    const known = first.get(event.contactId);
    if (known === undefined || event.at < known.at) first.set(event.contactId, event);
  }
  return [...first.values()].sort((a, b) => a.at - b.at);
}

/**
 * Each route's handoffs against its cap, and its contacts held back when known: the capped routes and every route
 * that was handed a lead or had one held back.
 */
function routeHandoffs(
  handoffs: readonly HandoffEvent[],
  caps: Partial<Record<Route, number>>,
  heldBack: ReportInput['heldBackRoutes'],
): RouteHandoff[] {
  const handed = new Map<Route, number>();
  for (const h of handoffs) if (h.route !== undefined) handed.set(h.route, (handed.get(h.route) ?? 0) + 1);
  const held = new Map<Route, number>();
  for (const row of heldBack ?? []) if (row.route !== null) held.set(row.route, row.count);
  return ROUTES.filter((route) => caps[route] !== undefined || handed.has(route) || held.has(route)).map(
    (route) => {
      const capacity = caps[route] ?? null;
      const count = handed.get(route) ?? 0;
      return {
        route,
        handed: count,
        capacity,
        utilisation: capacity ? count / capacity : null,
        ...(heldBack ? { heldBack: held.get(route) ?? 0 } : {}),
      };
    },
  );
}

/**
 * The monthly alignment report for one portal and month (boundaries in the agreement's time zone):
 * handoff against capacity, follow-up, verdicts, recycles, conversion, a six-month trend, evidence per
 * criterion and a suggestion for next month. Thin data gives the same report with wide intervals and a note.
 */
export function buildMonthlyReport(input: ReportInput): MonthlyReport {
  const range = monthRange(input.month, input.timezone);
  const handoffs = handoffsIn(input.handoffs, range);
  const followUp = summariseFollowUp(handoffs, input.firstTouches, input.slaBreaches, input.now);
  const criteria = input.agreement?.criteria ?? [];
  const conversion = conversionBreakdown(input.leads, criteria);
  const handoff = {
    handed: handoffs.length,
    capacity: input.capacity,
    heldBack: input.heldBack.reduce((sum, row) => sum + row.count, 0),
    utilisation: input.capacity ? handoffs.length / input.capacity : null,
    ...(input.routeCapacity
      ? { routes: routeHandoffs(handoffs, input.routeCapacity, input.heldBackRoutes) }
      : {}),
  };
  // The trend's held-back count: every contact held back that month, whichever route (or none known) it was headed to.
  const heldBack = input.heldBackRoutes?.reduce((sum, row) => sum + row.count, 0) ?? handoff.heldBack;
  const current = monthTotals({ month: input.month, handoff, followUp, conversion }, heldBack);
  const trend = buildTrend(current, input.history);
  const basisMonths = Array.from({ length: SUGGESTION_BASIS_MONTHS }, (_, i) =>
    shiftMonth(input.month, i - 2),
  );
  const agreement = input.agreement;
  return {
    portalId: input.portalId,
    month: input.month,
    timezone: input.timezone,
    agreementVersion: agreement?.version ?? null,
    handoff,
    followUp,
    verdicts: summariseVerdicts(handoffs, input.verdicts),
    recycled: countRecycles(input.recycles, range),
    conversion,
    trend,
    evidence: buildEvidence(input.leads, criteria),
    suggestion:
      agreement === null || input.nextMonthCapacity === null
        ? null
        : suggestGrades({
            current,
            basis: input.history.filter((totals) => basisMonths.includes(totals.month)),
            nextMonth: shiftMonth(input.month, 1),
            nextCapacity: input.nextMonthCapacity,
            salesReady: agreement.salesReady,
          }),
    ...(input.hubspotLeads ? { leads: summariseLeads(input.hubspotLeads) } : {}),
    notes: reportNotes({
      hasAgreement: agreement !== null,
      capacity: input.capacity,
      leads: conversion.overall.trials,
      handed: handoffs.length,
      trend,
    }),
  };
}
