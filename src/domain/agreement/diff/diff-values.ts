import { push, quoted, same, say, unionKeys, type Ctx, type Field } from './diff-context';

/** A line when a single value changed: "now 30 points, was 25", "(new)", "removed (was ...)". */
export function scalar(
  c: Ctx,
  path: string,
  subject: string,
  before: unknown,
  after: unknown,
  f: Field,
): void {
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

/** A line when a list changed: what was added and removed, or that it was reordered. */
export function list(
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

/** One line per key of a record (grades, levels, routing, capacity months) whose value changed. */
export function record(c: Ctx, base: string, a: object, b: object, bracket: boolean, field: Field): void {
  const [ra, rb] = [a as Record<string, unknown>, b as Record<string, unknown>];
  for (const key of unionKeys(Object.keys(ra), Object.keys(rb))) {
    const path = bracket ? `${base}[${key}]` : `${base}.${key}`;
    scalar(c, path, path, ra[key], rb[key], field);
  }
}
