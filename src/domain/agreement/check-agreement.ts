import { GRADES, OPERATORS, STAGES } from '../agreement-schema';
import { keyword, matchKeyword } from '../values/match-keyword';
import { normalizeText } from '../values/normalize-text';
import { parseCalendarDay, parseDate } from '../values/parse-date';
import { formatPath } from './format-path';
import { list, record, type Loose } from './loose-json';

/** One problem with an agreement, at a user-readable JSON path. */
export interface AgreementProblem {
  path: string;
  message: string;
}

type Path = (string | number)[];
type Report = (path: Path, message: string) => void;

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

function checkUniqueIds(items: unknown[], path: Path, what: string, report: Report): void {
  const seen = new Set<unknown>();
  items.forEach((item, i) => {
    const id = record(item).id;
    if (typeof id !== 'string') return;
    if (seen.has(id)) report([...path, i, 'id'], `duplicate ${what} id "${id}"`);
    seen.add(id);
  });
}

/** The first few words, quoted: a group may hold hundreds. */
const quotedList = (words: readonly string[]) =>
  words
    .slice(0, 5)
    .map((w) => `"${w}"`)
    .join(', ') + (words.length > 5 ? ', …' : '');

/**
 * An exception cancels the keyword occurrence it contains, so each one must contain a keyword of its group (under
 * the keyword's word-boundary rule) and be more than that keyword: anything else could never cancel, or would
 * cancel every match.
 */
function checkKeywordExceptions(groups: unknown, path: Path, report: Report): void {
  list(groups).forEach((raw, g) => {
    const group = record(raw);
    const words = list(group.any).filter((w): w is string => typeof w === 'string' && w.trim() !== '');
    const keywords = words.map((w) => ({ word: w, folded: normalizeText(w) }));
    list(group.except).forEach((exception, e) => {
      if (typeof exception !== 'string' || exception.trim() === '' || keywords.length === 0) return;
      const folded = normalizeText(exception);
      const at = [...path, g, 'except', e];
      const same = keywords.find((k) => k.folded === folded);
      if (same) {
        report(at, `is the keyword "${same.word}" itself, so it would cancel every match of it`);
      } else if (!keywords.some((k) => matchKeyword(folded, keyword(k.folded)))) {
        report(
          at,
          `contains none of this group's keywords (${quotedList(words)}), so it could never cancel a match; ` +
            'write the whole phrase to leave out, keyword included (such as "部長代理" for "部長")',
        );
      }
    });
  });
}

function checkCondition(condition: Loose, path: Path, report: Report): string | undefined {
  checkKeywordExceptions(condition.keywords, [...path, 'keywords'], report);
  const used = OPERATORS.filter((op) => condition[op] !== undefined);
  if (used.length !== 1) {
    const message =
      used.length === 0 ? 'needs one operator' : `has ${used.length} operators (${used.join(', ')})`;
    report(path, `${message}; expected exactly one of ${OPERATORS.join(', ')}`);
  }
  const between = condition.between;
  if (between !== undefined) {
    const range = record(between);
    const from = typeof range.from === 'string' ? parseDate(range.from) : undefined;
    const to = typeof range.to === 'string' ? parseDate(range.to) : undefined;
    if (range.from === undefined && range.to === undefined)
      report([...path, 'between'], 'expected "from", "to" or both');
    if (Number.isNaN(from))
      report([...path, 'between', 'from'], 'expected a date (YYYY-MM-DD or ISO timestamp)');
    if (Number.isNaN(to)) report([...path, 'between', 'to'], 'expected a date (YYYY-MM-DD or ISO timestamp)');
    if (from !== undefined && to !== undefined && from > to)
      report([...path, 'between'], '"from" is after "to"');
  }
  return used.length === 1 ? used[0] : undefined;
}

function checkFitRules(rules: unknown[], report: Report): void {
  rules.forEach((raw, i) => {
    const rule = record(raw);
    const path = ['fit', 'rules', i];
    const op = checkCondition(rule, path, report);
    const perItem = op === 'bands' || op === 'keywords';
    if (perItem && rule.points !== undefined) report([...path, 'points'], `points go in each of the ${op}`);
    if (op !== undefined && !perItem && rule.points === undefined) report([...path, 'points'], 'required');
  });
  checkUniqueIds(rules, ['fit', 'rules'], 'rule', report);
}

function checkDescending(values: Loose, keys: string[], path: Path, report: Report): void {
  for (let i = 1; i < keys.length; i++) {
    const [higher, lower] = [values[keys[i - 1]!], values[keys[i]!]];
    if (typeof higher === 'number' && typeof lower === 'number' && !(higher > lower)) {
      report([...path, keys[i]!], `expected less than ${keys[i - 1]} (${higher})`);
    }
  }
}

function checkHandoffAndRouting(agreement: Loose, report: Report): void {
  list(record(agreement.handoff).salesReady).forEach((grade, i) => {
    if (typeof grade === 'string' && !(GRADES as string[]).includes(grade)) {
      report(['handoff', 'salesReady', i], 'expected a grade A1..D4');
    }
  });
  const owners = record(record(agreement.handoff).leadOwners);
  for (const route of Object.keys(owners)) {
    const owner = record(owners[route]);
    const named = ['ownerId', 'teamId'].filter((k) => owner[k] !== undefined);
    // Not an object at all is the shape's problem ("expected object").
    if (owner === owners[route] && named.length !== 1) {
      report(
        ['handoff', 'leadOwners', route],
        named.length === 0
          ? 'expected "ownerId" (a HubSpot owner) or "teamId" (a HubSpot team)'
          : 'expected either "ownerId" or "teamId", not both',
      );
    }
  }
  for (const key of Object.keys(record(agreement.routing))) {
    if (!(STAGES as readonly string[]).includes(key))
      report(['routing', key], `expected a stage: ${STAGES.join(', ')}`);
  }
}

function checkSlaAndCapacity(agreement: Loose, report: Report): void {
  const sla = record(agreement.sla);
  if (typeof sla.timezone === 'string' && sla.timezone !== '' && !isTimeZone(sla.timezone)) {
    report(['sla', 'timezone'], 'expected an IANA time zone such as "Asia/Tokyo"');
  }
  list(sla.holidays).forEach((day, i) => {
    if (typeof day === 'string' && Number.isNaN(parseCalendarDay(day))) {
      report(['sla', 'holidays', i], 'expected a real date YYYY-MM-DD');
    }
  });
  for (const month of Object.keys(record(record(agreement.capacity).months))) {
    if (!MONTH.test(month)) report(['capacity', 'months', month], 'expected a month YYYY-MM');
  }
  const routes = record(record(agreement.capacity).routes);
  for (const route of Object.keys(routes)) {
    for (const month of Object.keys(record(record(routes[route]).months))) {
      if (!MONTH.test(month))
        report(['capacity', 'routes', route, 'months', month], 'expected a month YYYY-MM');
    }
  }
}

/** True when `zone` is an IANA time zone this runtime knows. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Checks what the shape cannot: operators, unique ids, ordered thresholds, grades, stages, months, zones, dates. */
export function checkAgreement(input: unknown): AgreementProblem[] {
  const problems: AgreementProblem[] = [];
  const report: Report = (path, message) => problems.push({ path: formatPath(path), message });
  const agreement = record(input);
  const fit = record(agreement.fit);
  const intent = record(agreement.intent);
  checkFitRules(list(fit.rules), report);
  checkDescending(record(fit.grades), ['A', 'B', 'C'], ['fit', 'grades'], report);
  const signals = list(intent.signals);
  signals.forEach((s, i) => checkCondition(record(record(s).when), ['intent', 'signals', i, 'when'], report));
  checkUniqueIds(signals, ['intent', 'signals'], 'signal', report);
  checkDescending(record(intent.levels), ['1', '2', '3'], ['intent', 'levels'], report);
  const disqualify = list(agreement.disqualify);
  disqualify.forEach((d, i) => checkCondition(record(d), ['disqualify', i], report));
  checkUniqueIds(disqualify, ['disqualify'], 'disqualifier', report);
  checkHandoffAndRouting(agreement, report);
  checkSlaAndCapacity(agreement, report);
  return problems;
}
