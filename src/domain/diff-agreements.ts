import type { Agreement, Condition, FitRule, Signal } from './agreement-schema';
import type { Locale } from './qualification';

/** What happened to the thing a diff line names. */
export const DIFF_CHANGES = ['added', 'removed', 'changed'] as const;
export type DiffChange = (typeof DIFF_CHANGES)[number];

/** One readable change between two agreement versions, keyed by rule and signal ids (never array indexes). */
export interface DiffLine {
  path: string;
  change: DiffChange;
  before?: unknown;
  after?: unknown;
  text: string;
}

type Pair = readonly [en: string, ja: string];
interface Field {
  label: Pair;
  unit?: Pair;
  quote?: boolean;
}
interface Ctx {
  lines: DiffLine[];
  ja: boolean;
}

const POINTS: Pair = ['points', '点'];
const DAYS: Pair = ['days', '日'];
const BUSINESS_DAYS: Pair = ['business days', '営業日'];
const PER_MONTH: Pair = ['per month', '件/月'];
const SET_OPERATORS = ['in', 'notIn', 'contains', 'endsWith'] as const;
const NO_LABEL: Pair = ['', ''];

/** Changes from `previous` to `next` as lines like "fit.rules[company-size]: band >= 100 now 30 points, was 25". */
export function diffAgreements(
  previous: Agreement | null,
  next: Agreement,
  locale: Locale = 'en',
): DiffLine[] {
  const c: Ctx = { lines: [], ja: locale === 'ja' };
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
  return c.lines;
}

function diffRule(c: Ctx, subject: string, a: FitRule, b: FitRule): void {
  scalar(c, `${subject}.label`, subject, a.label, b.label, { label: ['label', 'ラベル'], quote: true });
  scalar(c, `${subject}.points`, subject, a.points, b.points, { label: NO_LABEL, unit: POINTS });
  diffCondition(c, subject, '', a, b);
}

function diffSignal(c: Ctx, subject: string, a: Signal, b: Signal): void {
  scalar(c, `${subject}.label`, subject, a.label, b.label, { label: ['label', 'ラベル'], quote: true });
  scalar(c, `${subject}.stage`, subject, a.stage, b.stage, { label: ['stage', '段階'] });
  scalar(c, `${subject}.at`, subject, a.at, b.at, { label: ['date property', '日付プロパティ'] });
  scalar(c, `${subject}.points`, subject, a.points, b.points, { label: NO_LABEL, unit: POINTS });
  scalar(c, `${subject}.halfLifeDays`, subject, a.halfLifeDays, b.halfLifeDays, {
    label: ['half-life', '半減期'],
    unit: DAYS,
  });
  diffCondition(c, subject, 'when.', a.when, b.when);
}

function diffCondition(c: Ctx, subject: string, prefix: string, a: Condition, b: Condition): void {
  const label = (name: string): Pair => [
    `${prefix.replace('.', ' ')}${name}`,
    `${prefix.replace('.', ' ')}${name}`,
  ];
  scalar(c, `${subject}.${prefix}property`, subject, a.property, b.property, { label: label('property') });
  diffBands(c, subject, `${subject}.${prefix}bands`, a.bands, b.bands);
  diffKeywords(c, subject, `${subject}.${prefix}keywords`, a.keywords, b.keywords);
  for (const op of SET_OPERATORS)
    list(c, `${subject}.${prefix}${op}`, subject, a[op], b[op], { label: label(op), quote: true });
  scalar(c, `${subject}.${prefix}equals`, subject, a.equals, b.equals, {
    label: label('equals'),
    quote: true,
  });
  scalar(c, `${subject}.${prefix}known`, subject, a.known, b.known, { label: label('known') });
  const range = (r: Condition['between']) => (r ? `${r.from ?? '…'} to ${r.to ?? '…'}` : undefined);
  scalar(c, `${subject}.${prefix}between`, subject, range(a.between), range(b.between), {
    label: label('between'),
  });
}

function diffBands(
  c: Ctx,
  subject: string,
  base: string,
  a: Condition['bands'],
  b: Condition['bands'],
): void {
  if (same(a, b)) return;
  const before = new Map((a ?? []).map((band) => [band.min, band.points]));
  const after = new Map((b ?? []).map((band) => [band.min, band.points]));
  for (const min of unionKeys([...before.keys()], [...after.keys()])) {
    const field = { label: [`band >= ${min}`, `${min}以上の帯`] as const, unit: POINTS };
    scalar(c, `${base}[${min}]`, subject, before.get(min), after.get(min), field);
  }
}

/** Keyword groups have no id: they are numbered from 1, as users read them. */
function diffKeywords(
  c: Ctx,
  subject: string,
  base: string,
  a: Condition['keywords'],
  b: Condition['keywords'],
) {
  for (let i = 0; i < Math.max(a?.length ?? 0, b?.length ?? 0); i += 1) {
    const [ga, gb] = [a?.[i], b?.[i]];
    const path = `${base}[${i + 1}]`;
    const group: Pair = [`keyword group ${i + 1}`, `キーワードグループ${i + 1}`];
    if (ga && gb) {
      list(c, `${path}.any`, subject, ga.any, gb.any, { label: group, quote: true });
      scalar(c, `${path}.points`, subject, ga.points, gb.points, { label: group, unit: POINTS });
    } else if (gb) {
      const [en, ja] = [`${quoted(gb.any)} (${gb.points} points)`, `${quoted(gb.any)}（${gb.points}点）`];
      push(c, path, subject, undefined, gb, say(c, `${group[0]} added: ${en}`, `${group[1]}を追加: ${ja}`));
    } else if (ga) {
      const [en, ja] = [`${quoted(ga.any)}, ${ga.points} points`, `${quoted(ga.any)}、${ga.points}点`];
      const text = say(c, `${group[0]} removed (was ${en})`, `${group[1]}を削除（変更前: ${ja}）`);
      push(c, path, subject, ga, undefined, text);
    }
  }
}

function keyed<T extends { id: string; label: string }>(
  c: Ctx,
  base: string,
  a: readonly T[],
  b: readonly T[],
  inner: (c: Ctx, subject: string, before: T, after: T) => void,
): void {
  if (same(a, b)) return;
  const count = c.lines.length;
  const before = new Map(a.map((item) => [item.id, item]));
  const after = new Map(b.map((item) => [item.id, item]));
  for (const id of unionKeys([...before.keys()], [...after.keys()])) {
    const [x, y] = [before.get(id), after.get(id)];
    const subject = `${base}[${id}]`;
    if (x && y) inner(c, subject, x, y);
    else if (y) push(c, subject, subject, undefined, y, say(c, `added '${y.label}'`, `追加「${y.label}」`));
    else if (x) push(c, subject, subject, x, undefined, say(c, 'removed', '削除'));
  }
  if (c.lines.length === count) {
    const order = b.map((item) => item.id).join(', ');
    push(c, base, base, a, b, say(c, `reordered: ${order}`, `並び替え: ${order}`));
  }
}

function record(c: Ctx, base: string, a: object, b: object, bracket: boolean, field: Field): void {
  const [ra, rb] = [a as Record<string, unknown>, b as Record<string, unknown>];
  for (const key of unionKeys(Object.keys(ra), Object.keys(rb))) {
    const path = bracket ? `${base}[${key}]` : `${base}.${key}`;
    scalar(c, path, path, ra[key], rb[key], field);
  }
}

function scalar(c: Ctx, path: string, subject: string, before: unknown, after: unknown, f: Field): void {
  if (same(before, after)) return;
  const show = (v: unknown) => (f.quote ? `'${String(v)}'` : String(v));
  const unit = (v: unknown) =>
    f.unit ? (c.ja ? `${show(v)}${f.unit[1]}` : `${show(v)} ${f.unit[0]}`) : show(v);
  const [en, ja] = [f.label[0] ? `${f.label[0]} ` : '', f.label[1] ? `${f.label[1]} ` : ''];
  let phrase: string;
  if (before === undefined) phrase = say(c, `${en}now ${unit(after)} (new)`, `${ja}${unit(after)}（新規）`);
  else if (after === undefined)
    phrase = say(c, `${en}removed (was ${unit(before)})`, `${ja}削除（変更前: ${unit(before)}）`);
  else
    phrase = say(
      c,
      `${en}now ${unit(after)}, was ${show(before)}`,
      `${ja}${unit(after)}（変更前: ${unit(before)}）`,
    );
  push(c, path, subject, before, after, phrase);
}

function list(
  c: Ctx,
  path: string,
  subject: string,
  a?: readonly string[],
  b?: readonly string[],
  f?: Field,
): void {
  if (same(a, b)) return;
  const show = (values: readonly string[]) => (f?.quote ? quoted(values) : values.join(', '));
  const added = (b ?? []).filter((v) => !(a ?? []).includes(v));
  const removed = (a ?? []).filter((v) => !(b ?? []).includes(v));
  const en = [added.length ? `added ${show(added)}` : '', removed.length ? `removed ${show(removed)}` : ''];
  const ja = [added.length ? `${show(added)}を追加` : '', removed.length ? `${show(removed)}を削除` : ''];
  const delta = say(
    c,
    en.filter(Boolean).join(', ') || 'reordered',
    ja.filter(Boolean).join('、') || '並び替え',
  );
  const lead = f ? `${f.label[c.ja ? 1 : 0]} ` : '';
  let phrase = delta;
  if (!b) phrase = say(c, `${lead}removed (was ${show(a ?? [])})`, `${lead}削除（変更前: ${show(a ?? [])}）`);
  else if (!a) phrase = say(c, `${lead}now ${show(b)} (new)`, `${lead}${show(b)}（新規）`);
  else if (f) phrase = say(c, `${lead}now ${show(b)} (${delta})`, `${lead}${show(b)}（${delta}）`);
  push(c, path, subject, a, b, phrase);
}

function push(c: Ctx, path: string, subject: string, before: unknown, after: unknown, phrase: string): void {
  const change: DiffChange = before === undefined ? 'added' : after === undefined ? 'removed' : 'changed';
  const line: DiffLine = { path, change, text: `${subject}: ${phrase}` };
  if (before !== undefined) line.before = before;
  if (after !== undefined) line.after = after;
  c.lines.push(line);
}

const say = (c: Ctx, en: string, ja: string) => (c.ja ? ja : en);
const quoted = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');
const unionKeys = <K>(a: K[], b: K[]) => [...b, ...a.filter((k) => !b.includes(k))];

/** Deep equality that ignores object key order. */
function same(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}
function canonical(value: unknown): string | undefined {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
      : v,
  );
}
