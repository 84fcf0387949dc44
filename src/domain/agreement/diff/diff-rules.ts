import type { FitRule, Signal } from '../../agreement-schema';
import { DAYS, NO_LABEL, POINTS, push, same, say, unionKeys, type Ctx } from './diff-context';
import { diffCondition } from './diff-conditions';
import { scalar } from './diff-values';

/** Lines for a fit rule present in both versions. */
export function diffRule(c: Ctx, subject: string, a: FitRule, b: FitRule): void {
  scalar(c, `${subject}.label`, subject, a.label, b.label, { label: ['label', 'ラベル'], quote: true });
  scalar(c, `${subject}.points`, subject, a.points, b.points, { label: NO_LABEL, unit: POINTS });
  diffCondition(c, subject, '', a, b);
}

/** Lines for a signal present in both versions. */
export function diffSignal(c: Ctx, subject: string, a: Signal, b: Signal): void {
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

/** Lines for a list of items with ids (rules, signals, disqualifiers): added, removed, changed or reordered. */
export function keyed<T extends { id: string; label: string }>(
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
