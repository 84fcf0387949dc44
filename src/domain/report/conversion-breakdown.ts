import { GRADES, STAGES, type Stage } from '../agreement-schema';
import { countRate } from './count-rate';
import type { ConversionRow, MonthlyReport } from './monthly-report';
import type { LeadGroup, ReportCriterion } from './report-input';

type Tally = Map<string, { leads: number; converted: number }>;

function add(tally: Tally, key: string, group: LeadGroup): void {
  const known = tally.get(key) ?? { leads: 0, converted: 0 };
  known.leads += group.count;
  known.converted += group.converted;
  tally.set(key, known);
}

function rows(tally: Tally, keys: readonly string[], label: (key: string) => string): ConversionRow[] {
  return keys.map((key) => {
    const { leads, converted } = tally.get(key) ?? { leads: 0, converted: 0 };
    return { key, label: label(key), ...countRate(converted, leads) };
  });
}

/**
 * Conversion of the month's leads, overall, for those handed to sales, and by grade, signal, stage
 * and agreement version. Grades and versions are listed when they had leads; every stage is listed;
 * signals are those of the active agreement plus any other that scored (older versions).
 */
export function conversionBreakdown(
  leads: readonly LeadGroup[],
  criteria: readonly ReportCriterion[],
): MonthlyReport['conversion'] {
  const byGrade: Tally = new Map();
  const bySignal: Tally = new Map();
  const byStage: Tally = new Map();
  const byVersion: Tally = new Map();
  const overall = { leads: 0, converted: 0, handed: 0, handedConverted: 0 };
  for (const group of leads) {
    add(byGrade, group.grade, group);
    add(byStage, group.stage, group);
    add(byVersion, String(group.version), group);
    for (const signal of new Set(group.signals)) add(bySignal, signal, group);
    overall.leads += group.count;
    overall.converted += group.converted;
    if (group.handed) {
      overall.handed += group.count;
      overall.handedConverted += group.converted;
    }
  }
  const signalLabels = new Map(criteria.filter((c) => c.kind === 'signal').map((c) => [c.id, c.label]));
  const signalKeys = [...new Set([...signalLabels.keys(), ...[...bySignal.keys()].sort()])];
  const versionKeys = [...byVersion.keys()].sort((a, b) => Number(a) - Number(b));
  return {
    overall: countRate(overall.converted, overall.leads),
    handed: countRate(overall.handedConverted, overall.handed),
    byGrade: rows(
      byGrade,
      GRADES.filter((grade) => byGrade.has(grade)),
      (key) => key,
    ),
    bySignal: rows(bySignal, signalKeys, (key) => signalLabels.get(key) ?? key),
    byStage: rows(byStage, STAGES, (key) => key) as (ConversionRow & { key: Stage })[],
    byVersion: rows(byVersion, versionKeys, (key) => `v${key}`),
  };
}
