import { AGREEMENT_LIMITS as L } from './agreement-limits';
import type { LimitReport, Path } from './limit-report';
import { list, record, type Loose } from './loose-json';

const LISTS = ['in', 'notIn', 'contains', 'endsWith'] as const;

function checkKeywords(groups: unknown, path: Path, report: LimitReport): void {
  if (!report.items(groups, L.keywordGroups, 'keyword groups', path)) return;
  const total = groups.reduce<number>((sum, group) => sum + list(record(group).any).length, 0);
  if (total > L.keywordsPerRule) {
    report.add(path, `at most ${L.keywordsPerRule} keywords in all (got ${total.toLocaleString('en-US')})`);
    return;
  }
  const exceptions = groups.reduce<number>((sum, group) => sum + list(record(group).except).length, 0);
  if (exceptions > L.keywordExceptionsPerRule) {
    const got = exceptions.toLocaleString('en-US');
    report.add(path, `at most ${L.keywordExceptionsPerRule} keyword exceptions in all (got ${got})`);
    return;
  }
  groups.forEach((group, g) => {
    for (const [field, noun] of [
      ['any', 'keywords'],
      ['except', 'exceptions'],
    ] as const) {
      const listPath = [...path, g, field];
      const words = record(group)[field];
      if (!report.items(words, L.listValues, noun, listPath)) continue;
      words.forEach((word, k) => report.text(word, L.keywordChars, [...listPath, k]));
    }
  });
}

/** Limits of a condition (a fit rule, a signal's `when`, a disqualifier): property name, list sizes, value lengths. */
export function checkConditionLimits(condition: Loose, path: Path, report: LimitReport): void {
  report.text(condition.property, L.propertyChars, [...path, 'property'], 'company.');
  for (const op of LISTS) {
    const values = condition[op];
    if (!report.items(values, L.listValues, 'values', [...path, op])) continue;
    values.forEach((value, i) => report.text(value, L.valueChars, [...path, op, i]));
  }
  report.text(condition.equals, L.valueChars, [...path, 'equals']);
  report.items(condition.bands, L.bands, 'bands', [...path, 'bands']);
  checkKeywords(condition.keywords, [...path, 'keywords'], report);
}
