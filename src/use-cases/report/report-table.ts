import type { MonthlyReportResponse } from '../../contracts/report';
import type { CountRate } from '../../domain/report/count-rate';
import { formatPercent } from '../../domain/report/format-percent';
import type { MonthlyReport } from '../../domain/report/monthly-report';

/** A report as the API serves it: the month's figures and, when a round was closed by then, the quiz line. */
export type ReportWithQuiz = MonthlyReport & Pick<MonthlyReportResponse, 'quiz'>;

const pct = (r: CountRate): string =>
  r.rate === null
    ? '– (0/0)'
    : `${formatPercent(r.rate)} (${r.successes}/${r.trials}, 95% ${formatPercent(r.low)}–${formatPercent(r.high)})`;

function table(title: string, rows: [string, string][]): string[] {
  const width = Math.max(0, ...rows.map(([key]) => key.length));
  return [title, ...rows.map(([key, text]) => `  ${key.padEnd(width)}  ${text}`), ''];
}

const kappaText = (n: number): string => n.toFixed(2);

/** The day (YYYY-MM-DD) of an ISO instant in `zone`. */
const dayIn = (iso: string, zone: string): string =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(iso));

/**
 * The latest calibration quiz round beside the month's figures: how often the sides gave the same answer and Cohen's
 * kappa with its 95% interval, or that only one side answered.
 */
function quizRows(quiz: NonNullable<MonthlyReportResponse['quiz']>, zone: string): [string, string][] {
  const closed = `closed ${dayIn(quiz.closedAt, zone)}`;
  if (quiz.oneSided || quiz.percent === null)
    return [
      [`round ${quiz.roundId}`, closed],
      ['agreement', 'answered by one side only: no agreement between the sides to show'],
    ];
  const round: [string, string] = [
    `round ${quiz.roundId}`,
    `${closed}, ${quiz.leads} ${quiz.leads === 1 ? 'lead' : 'leads'} answered by both sides`,
  ];
  const interval =
    quiz.low === null || quiz.high === null ? '' : ` (95% ${kappaText(quiz.low)} to ${kappaText(quiz.high)})`;
  return [
    round,
    ['same answer', `${Math.round(quiz.percent * 10) / 10}% of leads (marketing and sales)`],
    ['kappa', `${quiz.kappa === null ? '–' : kappaText(quiz.kappa)}${interval}`],
  ];
}

/** The HubSpot Leads of the month: created, worked by a rep, disqualified by Lead Pact (and why), converted. */
function leadRows(leads: NonNullable<MonthlyReport['leads']>): [string, string][] {
  return [
    ['created', String(leads.created)],
    ['worked', String(leads.worked)],
    ['disqualified', String(leads.disqualified)],
    ...leads.disqualifiedByReason.map((r): [string, string] => [
      `disqualified: ${r.reason}`,
      String(r.count),
    ]),
    ['converted', String(leads.converted)],
  ];
}

/** The report as plain text tables for a terminal, in English (with the quiz line when the report has one). */
export function reportTable(report: ReportWithQuiz): string {
  const { handoff, followUp, verdicts, recycled, conversion } = report;
  const owner = (id: string | null) => id ?? 'unassigned';
  const flags = report.evidence.flatMap((r): [string, string][] => (r.flag ? [[r.id, r.flag.en]] : []));
  const followRow = (r: MonthlyReport['followUp']['total']): string =>
    `${pct(r.withinSla)} within SLA, ${r.breaches} breaches, ${r.pending} pending, median ${r.medianHoursToFirstTouch === null ? '–' : `${Math.round(r.medianHoursToFirstTouch * 10) / 10} h`} to first touch`;
  const lines = [
    `Lead Pact report, portal ${report.portalId}, ${report.month} (${report.timezone}), agreement v${report.agreementVersion ?? '–'}`,
    '',
    ...table('Handed to sales', [
      ['handed', `${handoff.handed} of capacity ${handoff.capacity ?? '–'}`],
      ['held back', String(handoff.heldBack)],
      ...(handoff.routes ?? []).map((r): [string, string] => [
        r.route,
        `${r.handed} of ${r.capacity === null ? 'no cap of its own' : `capacity ${r.capacity}`}` +
          (r.heldBack === undefined ? '' : `, ${r.heldBack} held back`),
      ]),
    ]),
    ...(report.quiz ? table('Calibration quiz (latest round)', quizRows(report.quiz, report.timezone)) : []),
    ...table('Follow-up', [
      ['total', followRow(followUp.total)],
      ...followUp.byOwner.map((r): [string, string] => [owner(r.ownerId), followRow(r)]),
    ]),
    ...table('Verdicts', [
      ['acceptance', pct(verdicts.acceptance)],
      ...verdicts.rejectionsByReason
        .filter((r) => r.count > 0)
        .map((r): [string, string] => [`rejected: ${r.reason}`, String(r.count)]),
    ]),
    ...table(
      'Recycled',
      recycled.byCause.map((r): [string, string] => [r.cause, String(r.count)]),
    ),
    ...(report.leads ? table('HubSpot Leads', leadRows(report.leads)) : []),
    ...table('Conversion', [
      ['all leads', pct(conversion.overall)],
      ['handed', pct(conversion.handed)],
    ]),
    ...table(
      'Conversion by grade',
      conversion.byGrade.map((r): [string, string] => [r.key, pct(r)]),
    ),
    ...table(
      'Conversion by signal',
      conversion.bySignal.map((r): [string, string] => [r.label, pct(r)]),
    ),
    ...table(
      'Conversion by stage',
      conversion.byStage.map((r): [string, string] => [r.key, pct(r)]),
    ),
    ...table(
      'Conversion by agreement version',
      conversion.byVersion.map((r): [string, string] => [r.label, pct(r)]),
    ),
    ...table(
      'Last six months',
      report.trend.flatMap((p): [string, string][] => [
        [
          p.month,
          `handed ${p.handed}/${p.capacity ?? '–'}, held back ${p.heldBack}, follow-up ${pct(p.followUp)}, conversion ${pct(p.conversion)}`,
        ],
        ...(p.routes ?? []).map((r): [string, string] => [
          `  ${r.route}`,
          `handed ${r.handed}/${r.capacity ?? '–'}${r.heldBack === undefined ? '' : `, held back ${r.heldBack}`}`,
        ]),
      ]),
    ),
    ...table(
      'Evidence',
      flags.length > 0 ? flags : [['–', 'no rule or signal clearly disagrees with the outcomes']],
    ),
  ];
  if (report.suggestion) lines.push('Suggestion (not applied)', `  ${report.suggestion.text.en}`, '');
  lines.push(...report.notes.map((note) => `Note: ${note.en}`));
  return `${lines.join('\n').trimEnd()}\n`;
}
