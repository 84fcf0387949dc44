import { AGREEMENT_LIMITS as L } from './agreement-limits';
import type { AgreementProblem } from './check-agreement';
import { checkConditionLimits } from './check-condition-limits';
import { limitReport, type LimitReport, type Path } from './limit-report';
import { record, type Loose } from './loose-json';

/** UTF-8 bytes of `text`, counted without an encoder (the domain imports nothing from Node). */
function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

const kb = (bytes: number) => `${Math.ceil(bytes / 1024).toLocaleString('en-US')} KB`;

function checkDocumentSize(input: unknown, report: LimitReport): void {
  let json: string | undefined;
  try {
    json = JSON.stringify(input);
  } catch {
    report.add([], 'expected a JSON document (this one is nested too deeply to be read)');
    return;
  }
  const bytes = json === undefined ? 0 : utf8Bytes(json);
  if (bytes > L.documentBytes) report.add([], `at most ${kb(L.documentBytes)} of JSON (got ${kb(bytes)})`);
}

/** Checks each item of a list within its limit: id, label, and what `more` adds. */
function checkItems(
  value: unknown,
  max: number,
  noun: string,
  path: Path,
  report: LimitReport,
  more: (item: Loose, path: Path) => void,
): void {
  if (!report.items(value, max, noun, path)) return;
  value.forEach((raw, i) => {
    const item = record(raw);
    report.text(item.id, L.idChars, [...path, i, 'id']);
    report.text(item.label, L.labelChars, [...path, i, 'label']);
    more(item, [...path, i]);
  });
}

function checkSlaAndCapacity(agreement: Loose, report: LimitReport): void {
  const sla = record(agreement.sla);
  report.text(sla.timezone, L.timezoneChars, ['sla', 'timezone']);
  report.items(sla.holidays, L.holidays, 'holidays', ['sla', 'holidays']);
  report.number(sla.firstTouchBusinessDays, L.firstTouchBusinessDays, 'business days', [
    'sla',
    'firstTouchBusinessDays',
  ]);
  report.number(sla.progressDays, L.progressDays, 'days', ['sla', 'progressDays']);
  const months = Object.keys(record(record(agreement.capacity).months));
  report.items(months, L.capacityMonths, 'months', ['capacity', 'months']);
  const routes = Object.keys(record(record(agreement.capacity).routes));
  if (!report.items(routes, L.capacityRoutes, 'routes', ['capacity', 'routes'])) return;
  for (const route of routes) {
    const routeMonths = Object.keys(record(record(record(record(agreement.capacity).routes)[route]).months));
    report.items(routeMonths, L.capacityMonths, 'months', ['capacity', 'routes', route, 'months']);
  }
}

/**
 * Checks the documented maxima (AGREEMENT_LIMITS) of an unparsed agreement: document size, list sizes, string lengths
 * and the day counts that drive loops. Each problem names the path and the limit: "at most 50 rules (got 10,000)".
 * Items of a list over its limit are not looked at, so a hostile document costs one walk and gets a short answer.
 */
export function checkLimits(input: unknown): AgreementProblem[] {
  const report = limitReport();
  checkDocumentSize(input, report);
  const agreement = record(input);
  report.text(agreement.name, L.labelChars, ['name']);
  const rules = record(agreement.fit).rules;
  checkItems(rules, L.rules, 'rules', ['fit', 'rules'], report, (rule, path) =>
    checkConditionLimits(rule, path, report),
  );
  const signals = record(agreement.intent).signals;
  checkItems(signals, L.signals, 'signals', ['intent', 'signals'], report, (signal, path) => {
    checkConditionLimits(record(signal.when), [...path, 'when'], report);
    report.text(signal.at, L.propertyChars, [...path, 'at'], 'company.');
    report.number(signal.halfLifeDays, L.halfLifeDays, 'days', [...path, 'halfLifeDays']);
  });
  checkItems(agreement.disqualify, L.disqualifiers, 'disqualifiers', ['disqualify'], report, (rule, path) =>
    checkConditionLimits(rule, path, report),
  );
  report.items(record(agreement.handoff).salesReady, L.salesReady, 'grades', ['handoff', 'salesReady']);
  report.items(Object.keys(record(agreement.routing)), L.routes, 'routes', ['routing']);
  checkSlaAndCapacity(agreement, report);
  return report.problems;
}
