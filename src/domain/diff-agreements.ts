import { ROUTES, type Agreement, type LeadOwner } from './agreement-schema';
import { diffCondition } from './agreement/diff/diff-conditions';
import {
  DAYS,
  diffContext,
  NO_LABEL,
  POINTS,
  push,
  say,
  type DiffLine,
  type Pair,
} from './agreement/diff/diff-context';
import { diffRule, diffSignal, keyed } from './agreement/diff/diff-rules';
import { list, record, scalar } from './agreement/diff/diff-values';
import type { Locale } from './qualification';

export { DIFF_CHANGES, type DiffChange, type DiffLine } from './agreement/diff/diff-context';

const BUSINESS_DAYS: Pair = ['business days', '営業日'];
const PER_MONTH: Pair = ['per month', '件/月'];

/** Changes from `previous` to `next` as lines like "fit.rules[company-size]: band >= 100 now 30 points, was 25". */
export function diffAgreements(
  previous: Agreement | null,
  next: Agreement,
  locale: Locale = 'en',
): DiffLine[] {
  const c = diffContext(locale);
  if (!previous) {
    const text = say(c, `first version '${next.name}'`, `初版「${next.name}」`);
    push(c, 'agreement', 'agreement', undefined, next.name, text);
    return c.lines;
  }
  const [a, b] = [previous, next];
  const top = (path: string, before: unknown, after: unknown, unit?: Pair, quote?: boolean) =>
    scalar(c, path, path, before, after, { label: NO_LABEL, unit, quote });
  top('name', a.name, b.name, undefined, true);
  keyed(c, 'fit.rules', a.fit.rules, b.fit.rules, diffRule);
  record(c, 'fit.grades', a.fit.grades, b.fit.grades, false, { label: NO_LABEL, unit: POINTS });
  keyed(c, 'intent.signals', a.intent.signals, b.intent.signals, diffSignal);
  record(c, 'intent.levels', a.intent.levels, b.intent.levels, false, { label: NO_LABEL, unit: POINTS });
  keyed(c, 'disqualify', a.disqualify, b.disqualify, (cx, s, x, y) => diffCondition(cx, s, '', x, y));
  list(c, 'handoff.salesReady', 'handoff.salesReady', a.handoff.salesReady, b.handoff.salesReady);
  top('handoff.createLeads', a.handoff.createLeads ?? false, b.handoff.createLeads ?? false);
  for (const route of ROUTES) {
    const owner = (o: LeadOwner | undefined) =>
      o?.ownerId !== undefined
        ? `${say(c, 'owner', '担当者')} ${o.ownerId}`
        : o?.teamId !== undefined
          ? `${say(c, 'team', 'チーム')} ${o.teamId}`
          : undefined;
    const path = `handoff.leadOwners.${route}`;
    top(path, owner(a.handoff.leadOwners?.[route]), owner(b.handoff.leadOwners?.[route]));
  }
  record(c, 'routing', a.routing, b.routing, true, { label: NO_LABEL });
  top(
    'sla.firstTouchBusinessDays',
    a.sla.firstTouchBusinessDays,
    b.sla.firstTouchBusinessDays,
    BUSINESS_DAYS,
  );
  top('sla.progressDays', a.sla.progressDays, b.sla.progressDays, DAYS);
  top('sla.timezone', a.sla.timezone, b.sla.timezone);
  list(c, 'sla.holidays', 'sla.holidays', a.sla.holidays, b.sla.holidays);
  top('capacity.default', a.capacity.default, b.capacity.default, PER_MONTH);
  record(c, 'capacity.months', a.capacity.months, b.capacity.months, true, { label: NO_LABEL });
  for (const route of ROUTES) {
    const [ca, cb] = [a.capacity.routes?.[route], b.capacity.routes?.[route]];
    top(`capacity.routes.${route}.default`, ca?.default, cb?.default, PER_MONTH);
    const path = `capacity.routes.${route}.months`;
    record(c, path, ca?.months ?? {}, cb?.months ?? {}, true, { label: NO_LABEL });
  }
  return c.lines;
}
