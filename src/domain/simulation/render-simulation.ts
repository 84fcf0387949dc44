import { FIT_GRADES, INTENT_LEVELS, type Grade } from '../agreement-schema';
import type { Locale } from '../qualification';
import { renderRecycling } from './render-recycling';
import { renderKeywordExceptions } from './render-keyword-exceptions';
import type { SimulationResult } from './simulation-result';

const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);
const pad = (cells: (string | number)[], width = 7) => cells.map((c) => String(c).padStart(width)).join('');
const inline = (counts: Record<string, number>) =>
  Object.entries(counts)
    .map(([key, n]) => `${key} ${n}`)
    .join(' · ');

/** The plain-text report `lead-pact simulate` prints: tiers, the grade grid, stages, routes, capacity, conversion. */
export function renderSimulation(result: SimulationResult, locale: Locale = 'en'): string {
  const { capacity } = result;
  const lines = [
    `'${result.agreement}' on ${result.contacts} contacts, capacity month ${result.month}`,
    '',
    `Tiers:   ${inline(result.tiers)}`,
    `Stages:  ${inline(result.stages)}`,
    `Routes:  ${inline(result.routes)}`,
    '',
    'Grades (fit A-D by intent 1-4):',
    `   ${pad([...INTENT_LEVELS])}`,
    ...FIT_GRADES.map((fit) =>
      `   ${fit}${pad(INTENT_LEVELS.map((level) => result.grades[`${fit}${level}`]))}`.slice(1),
    ),
    '',
    `Capacity ${result.month}: ${capacity.salesReady} sales-ready of ${capacity.capacity}` +
      ` (${capacity.eligible} eligible, ${capacity.heldBack} held back by capacity, ${capacity.unused} unused)`,
    ...(capacity.routes ?? []).map(
      (r) =>
        `  ${r.route}: ${r.salesReady} sales-ready of ${r.capacity ?? 'no cap of its own'}` +
        ` (${r.eligible} eligible, ${r.heldBack} held back)`,
    ),
  ];
  if (result.conversion) lines.push('', ...renderConversion(result.conversion));
  if (result.recycling) lines.push('', ...renderRecycling(result.recycling, locale));
  if (result.keywordExceptions) lines.push('', ...renderKeywordExceptions(result.keywordExceptions, locale));
  if (result.unseenProperties.length > 0 && result.contacts > 0) {
    lines.push(
      '',
      `No contact had a value for: ${result.unseenProperties.join(', ')} (unknown for everyone; see --map)`,
    );
  }
  return lines.join('\n');
}

function renderConversion(conversion: NonNullable<SimulationResult['conversion']>): string[] {
  const rows = (Object.entries(conversion.byGrade) as [Grade, (typeof conversion.byGrade)[Grade]][])
    .filter(([, g]) => g.contacts > 0)
    .map(
      ([grade, g]) =>
        `  ${grade.padEnd(6)}${pad([g.contacts, g.converted], 11)}${percent(g.rate).padStart(9)}`,
    );
  return [
    `Conversion (opportunity, customer or a deal): ${conversion.converted} of ${conversion.contacts}` +
      ` contacts with an outcome (${percent(conversion.rate)})`,
    `  grade ${pad(['contacts', 'converted'], 11)}${'rate'.padStart(9)}`,
    ...rows,
  ];
}
