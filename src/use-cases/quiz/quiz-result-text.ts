import type { QuizAgreementStats, QuizBlindLead, QuizResult, QuizRevealedLead } from '../../contracts/quiz';
import { fillTemplate, LABELS, type LabelKey } from '../../domain/i18n';

type Locale = 'en' | 'ja';

const BAR_WIDTH = 20;
const bar = (share: number) => '█'.repeat(Math.round(share * BAR_WIDTH)).padEnd(BAR_WIDTH, '·');
const pct = (share: number) => Math.round(share * 1000) / 10;
const num = (x: number | null) => (x === null ? '–' : x.toFixed(2));

/** A lead in one line: its facts' values, then its actions with their dates. */
export function leadLine(lead: QuizBlindLead): string {
  const facts = lead.facts.map((f) => f.value ?? '–').join(' · ');
  const actions = lead.actions
    .map((a) => `${a.label}${a.at === null ? '' : ` (${a.at.slice(0, 10)})`}`)
    .join(', ');
  return `#${lead.position} ${facts}${actions === '' ? '' : ` | ${actions}`}`;
}

function statsLines(l: Record<LabelKey, string>, stats: QuizAgreementStats): string[] {
  const agreed = stats.table.yesYes + stats.table.noNo;
  const lines = [
    `  ${fillTemplate(l['quiz.percent'], { agreed, leads: stats.leads, percent: pct(stats.percent / 100) })}`,
  ];
  lines.push(
    `  ${
      stats.kappa === null
        ? l['quiz.kappaUndefined']
        : fillTemplate(l['quiz.kappa'], {
            kappa: num(stats.kappa),
            low: num(stats.low),
            high: num(stats.high),
          })
    }`,
  );
  return lines;
}

function answerWord(l: Record<LabelKey, string>, majority: boolean | null): string {
  return majority === null ? l['quiz.tie'] : majority ? l['quiz.yes'] : l['quiz.no'];
}

function disagreementLines(l: Record<LabelKey, string>, lead: QuizRevealedLead): string[] {
  const side = (s: 'marketing' | 'sales') =>
    `${l[`quiz.side.${s}`]}${l['reason.colon']}${answerWord(l, lead[s].majority)}`;
  const verdict = l[lead.verdict.salesReady ? 'tier.sales_ready' : 'tier.nurture'];
  const drivers = lead.drivers
    .filter((c) => c.kind !== 'disqualify')
    .map((c) => `${c.label} ${Math.round(c.points * 10) / 10}`)
    .join(', ');
  return [
    `  ${leadLine(lead)}`,
    `     ${side('marketing')} · ${side('sales')} · ${fillTemplate(l['quiz.verdict'], { verdict, grade: lead.verdict.grade, score: lead.verdict.score })}`,
    `     ${l['quiz.drivers']}${l['reason.colon']}${drivers}`,
  ];
}

/** A round's result as text for a meeting room (`lead-pact quiz result`), in English or Japanese. */
export function quizResultText(result: QuizResult, locale: Locale): string {
  const l = LABELS[locale];
  const { round } = result;
  const heading = fillTemplate(l['quiz.heading'], {
    id: round.id,
    status: l[`quiz.status.${round.status}`],
    size: round.size,
    version: round.agreementVersion,
  });
  const out: string[] = [heading];
  out.push(l['quiz.question'], '');
  for (const s of ['marketing', 'sales'] as const) {
    const side = result.sides[s];
    if (side.lean === null) continue;
    const text = fillTemplate(l[side.participants === 1 ? 'quiz.sideLeanOne' : 'quiz.sideLean'], {
      side: l[`quiz.side.${s}`],
      percent: pct(side.lean),
      participants: side.participants,
    });
    out.push(`${bar(side.lean)} ${text}`);
  }
  for (const p of result.participants) {
    const who = p.name ?? fillTemplate(l['quiz.user'], { id: p.userId });
    const name = `${who}${l['reason.open']}${l[`quiz.side.${p.side}`]}${l['reason.close']}`;
    out.push(
      `${bar(p.lean)}   ${fillTemplate(l['quiz.lean'], { name, yes: p.yes, answered: p.answered, percent: pct(p.lean) })}`,
    );
  }
  out.push('');
  if (result.oneSided && result.answeredSide !== null) {
    out.push(fillTemplate(l['quiz.oneSided'], { side: l[`quiz.side.${result.answeredSide}`] }));
  }
  if (result.betweenSides !== null) out.push(l['quiz.betweenSides'], ...statsLines(l, result.betweenSides));
  for (const s of ['marketing', 'sales'] as const) {
    const stats = result.vsVerdict[s];
    if (stats !== null)
      out.push(fillTemplate(l['quiz.vsVerdict'], { side: l[`quiz.side.${s}`] }), ...statsLines(l, stats));
  }
  const disagreed = result.leads.filter((lead) => lead.disagree);
  if (result.betweenSides !== null) {
    out.push('', l['quiz.disagreements']);
    if (disagreed.length === 0) out.push(`  ${l['quiz.noDisagreements']}`);
    for (const lead of disagreed) out.push(...disagreementLines(l, lead));
  }
  out.push('', l['quiz.suggestions']);
  if (result.suggestions.length === 0) out.push(`  ${l['quiz.noSuggestions']}`);
  for (const s of result.suggestions) out.push(`  ${s.n}. ${s.text[locale]}`);
  return `${out.join('\n')}\n`;
}
