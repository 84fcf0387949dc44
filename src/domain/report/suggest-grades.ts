import { GRADES, type Grade } from '../agreement-schema';
import { countRate } from './count-rate';
import { formatPercent } from './format-percent';
import type { GradeSetOutcome, Suggestion } from './monthly-report';
import type { MonthTotals } from './report-input';

export interface SuggestionArgs {
  /** The report month and its totals; `basis` are up to two months before it. */
  current: MonthTotals;
  basis: readonly MonthTotals[];
  nextMonth: string;
  nextCapacity: number;
  salesReady: readonly Grade[];
}

type GradeTally = Map<Grade, { leads: number; converted: number }>;

function tally(months: readonly MonthTotals[]): GradeTally {
  const byGrade: GradeTally = new Map();
  for (const { grade, leads, converted } of months.flatMap((month) => month.byGrade)) {
    const known = byGrade.get(grade) ?? { leads: 0, converted: 0 };
    byGrade.set(grade, { leads: known.leads + leads, converted: known.converted + converted });
  }
  return byGrade;
}

function outcome(grades: Grade[], month: MonthTotals): GradeSetOutcome {
  const chosen = month.byGrade.filter((row) => grades.includes(row.grade));
  const leads = chosen.reduce((sum, row) => sum + row.leads, 0);
  const converted = chosen.reduce((sum, row) => sum + row.converted, 0);
  const handed = month.capacity === null ? leads : Math.min(leads, month.capacity);
  return { grades, leads, handed, conversion: countRate(converted, leads) };
}

/**
 * Rank grades by conversion over the basis months (lower Wilson bound first, so 1/1 does not beat
 * 30/100; then rate; then grade order) and take them until their average monthly inflow reaches next
 * month's capacity (the last grade may overfill: capacity holds the rest back, higher scores first).
 */
export function suggestGrades(args: SuggestionArgs): Suggestion {
  const months = [...args.basis, args.current];
  const byGrade = tally(months);
  const ranked = [...byGrade.entries()]
    .filter(([, t]) => t.leads > 0)
    .map(([grade, t]) => ({ grade, inflow: t.leads / months.length, rate: countRate(t.converted, t.leads) }))
    .sort(
      (a, b) =>
        b.rate.low - a.rate.low ||
        (b.rate.rate ?? 0) - (a.rate.rate ?? 0) ||
        GRADES.indexOf(a.grade) - GRADES.indexOf(b.grade),
    );
  const grades: Grade[] = [];
  let inflow = 0;
  for (const candidate of ranked) {
    if (inflow >= args.nextCapacity) break;
    grades.push(candidate.grade);
    inflow += candidate.inflow;
  }
  const current = [...args.salesReady].sort((a, b) => GRADES.indexOf(a) - GRADES.indexOf(b));
  const sameSet = grades.length === current.length && grades.every((grade) => current.includes(grade));
  const suggestion = {
    month: args.nextMonth,
    capacity: args.nextCapacity,
    grades,
    expectedInflow: Math.round(inflow * 10) / 10,
    basisMonths: months.map((month) => month.month),
    changed: !sameSet,
    lastMonth: outcome(grades, args.current),
    current: outcome(current, args.current),
  };
  return { ...suggestion, text: suggestionText(suggestion) };
}

function suggestionText(s: Omit<Suggestion, 'text'>): Suggestion['text'] {
  const list = s.grades.length > 0 ? s.grades.join(', ') : '—';
  const rate = (o: GradeSetOutcome): string =>
    `${formatPercent(o.conversion.rate)} (${o.conversion.successes}/${o.conversion.trials})`;
  const month = s.lastMonth;
  return {
    en:
      `For ${s.month} (capacity ${s.capacity}): sales-ready grades ${list}, about ${s.expectedInflow} leads a month, ` +
      `best-converting first. In the report month they would have handed ${month.handed} leads converting ${rate(month)}; ` +
      `the current grades ${s.current.grades.join(', ') || '—'}: ${s.current.handed} leads converting ${rate(s.current)}.`,
    ja:
      `${s.month}の受け入れ枠は${s.capacity}件です。商談化率の高い順にセールスレディのグレードを${list}とすると、` +
      `月に約${s.expectedInflow}件です。対象月であれば${month.handed}件を引き渡し、商談化率は${rate(month)}でした` +
      `（現在のグレード${s.current.grades.join(', ') || '—'}では${s.current.handed}件、${rate(s.current)}）。`,
  };
}
