import type { CountRate } from '../../domain/report/count-rate';
import type { ReportWithQuiz } from './report-table';

const HEADER = ['section', 'key', 'metric', 'value', 'successes', 'trials', 'rate', 'low', 'high'];
type Cell = string | number | null;

const escape = (cell: Cell): string => {
  const text = cell === null ? '' : String(cell);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};
const round = (n: number | null): number | null => (n === null ? null : Math.round(n * 10_000) / 10_000);
const value = (section: string, key: string, metric: string, v: Cell): Cell[] => [
  section,
  key,
  metric,
  v,
  null,
  null,
  null,
  null,
  null,
];
const rate = (section: string, key: string, metric: string, r: CountRate): Cell[] => [
  section,
  key,
  metric,
  null,
  r.successes,
  r.trials,
  round(r.rate),
  round(r.low),
  round(r.high),
];

/** The quiz line: `quiz,<round id>,...` rows (percent of same answers, kappa with its interval in low/high). */
function quizRows(quiz: ReportWithQuiz['quiz']): Cell[][] {
  if (!quiz) return [];
  const key = quiz.roundId;
  return [
    value('quiz', key, 'closed_at', quiz.closedAt),
    value('quiz', key, 'leads', quiz.leads),
    value('quiz', key, 'one_sided', quiz.oneSided ? 'true' : 'false'),
    value('quiz', key, 'same_answer_percent', quiz.percent === null ? null : round(quiz.percent)),
    [
      ...['quiz', key, 'kappa', quiz.kappa === null ? null : round(quiz.kappa)],
      ...[null, null, null, round(quiz.low), round(quiz.high)],
    ],
  ];
}

function rows(report: ReportWithQuiz): Cell[][] {
  const { handoff, followUp, verdicts, recycled, conversion } = report;
  const out: Cell[][] = [
    value('handoff', 'total', 'handed', handoff.handed),
    value('handoff', 'total', 'capacity', handoff.capacity),
    value('handoff', 'total', 'held_back', handoff.heldBack),
    ...(handoff.routes ?? []).flatMap((r) => [
      value('handoff', r.route, 'handed', r.handed),
      value('handoff', r.route, 'capacity', r.capacity),
      ...(r.heldBack === undefined ? [] : [value('handoff', r.route, 'held_back', r.heldBack)]),
    ]),
  ];
  out.push(...quizRows(report.quiz));
  for (const row of [followUp.total, ...followUp.byOwner]) {
    const key = row === followUp.total ? 'total' : (row.ownerId ?? 'unassigned');
    out.push(
      rate('follow_up', key, 'within_sla', row.withinSla),
      value('follow_up', key, 'handed', row.handed),
    );
    out.push(
      value('follow_up', key, 'pending', row.pending),
      value('follow_up', key, 'breaches', row.breaches),
    );
    out.push(value('follow_up', key, 'median_hours_to_first_touch', round(row.medianHoursToFirstTouch)));
  }
  out.push(rate('verdicts', 'total', 'acceptance', verdicts.acceptance));
  out.push(...verdicts.rejectionsByReason.map((r) => value('verdicts', r.reason, 'rejections', r.count)));
  out.push(...recycled.byCause.map((r) => value('recycled', r.cause, 'contacts', r.count)));
  if (report.leads) {
    const { created, worked, disqualified, converted } = report.leads;
    out.push(
      value('hubspot_leads', 'total', 'created', created),
      value('hubspot_leads', 'total', 'worked', worked),
    );
    out.push(
      value('hubspot_leads', 'total', 'disqualified', disqualified),
      value('hubspot_leads', 'total', 'converted', converted),
    );
    out.push(
      ...report.leads.disqualifiedByReason.map((r) =>
        value('hubspot_leads', r.reason, 'disqualified', r.count),
      ),
    );
  }
  out.push(
    rate('conversion', 'all', 'overall', conversion.overall),
    rate('conversion', 'handed', 'overall', conversion.handed),
  );
  for (const [metric, list] of [
    ['by_grade', conversion.byGrade],
    ['by_signal', conversion.bySignal],
    ['by_stage', conversion.byStage],
    ['by_version', conversion.byVersion],
  ] as const) {
    out.push(...list.map((r) => rate('conversion', r.key, metric, r)));
  }
  for (const point of report.trend) {
    out.push(
      value('trend', point.month, 'handed', point.handed),
      value('trend', point.month, 'capacity', point.capacity),
      value('trend', point.month, 'held_back', point.heldBack),
    );
    for (const r of point.routes ?? []) {
      const key = `${point.month} ${r.route}`;
      out.push(value('trend', key, 'handed', r.handed), value('trend', key, 'capacity', r.capacity));
      if (r.heldBack !== undefined) out.push(value('trend', key, 'held_back', r.heldBack));
    }
    out.push(
      rate('trend', point.month, 'follow_up', point.followUp),
      rate('trend', point.month, 'conversion', point.conversion),
    );
  }
  for (const row of report.evidence) {
    out.push(
      rate('evidence', row.id, 'scored_conversion', row.scored.conversion),
      rate('evidence', row.id, 'other_conversion', row.rest.conversion),
    );
    out.push(
      rate('evidence', row.id, 'scored_acceptance', row.scored.acceptance),
      rate('evidence', row.id, 'other_acceptance', row.rest.acceptance),
    );
    if (row.flag) out.push(value('evidence', row.id, row.flag.kind, row.flag.en));
  }
  if (report.suggestion)
    out.push(
      value('suggestion', report.suggestion.month, 'sales_ready_grades', report.suggestion.grades.join(' ')),
    );
  out.push(...report.notes.map((note) => value('note', note.code, 'text', note.en)));
  return out;
}

/** The report as one long CSV table (section, key, metric, value or rate with counts and interval), for spreadsheets. */
export function reportCsv(report: ReportWithQuiz): string {
  return [HEADER, ...rows(report)].map((row) => row.map(escape).join(',')).join('\n') + '\n';
}
