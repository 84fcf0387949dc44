import type { Condition } from '../../agreement-schema';
import { POINTS, push, quoted, same, say, unionKeys, type Ctx, type Pair } from './diff-context';
import { list, scalar } from './diff-values';

const SET_OPERATORS = ['in', 'notIn', 'contains', 'endsWith'] as const;

/** Lines for a condition's property and operators (`prefix` is `when.` for a signal's condition). */
export function diffCondition(c: Ctx, subject: string, prefix: string, a: Condition, b: Condition): void {
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

type KeywordGroup = NonNullable<Condition['keywords']>[number];

/** A group's exceptions, undefined when it has none (an empty list means the same as none). */
const exceptionsOf = (g: KeywordGroup) => (g.except && g.except.length > 0 ? g.except : undefined);

/** " except '部長代理'" / "（除外: '部長代理'）" after a group's keywords, nothing when it has no exceptions. */
function except(g: KeywordGroup, lang: 'en' | 'ja'): string {
  const words = exceptionsOf(g);
  if (words === undefined) return '';
  return lang === 'en' ? ` except ${quoted(words)}` : `（除外: ${quoted(words)}）`;
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
      const exceptions: Pair = [
        `keyword group ${i + 1} exceptions`,
        `キーワードグループ${i + 1}の除外キーワード`,
      ];
      list(c, `${path}.except`, subject, exceptionsOf(ga), exceptionsOf(gb), {
        label: exceptions,
        quote: true,
      });
      scalar(c, `${path}.points`, subject, ga.points, gb.points, { label: group, unit: POINTS });
    } else if (gb) {
      const [en, ja] = [
        `${quoted(gb.any)}${except(gb, 'en')} (${gb.points} points)`,
        `${quoted(gb.any)}${except(gb, 'ja')}（${gb.points}点）`,
      ];
      push(c, path, subject, undefined, gb, say(c, `${group[0]} added: ${en}`, `${group[1]}を追加: ${ja}`));
    } else if (ga) {
      const [en, ja] = [
        `${quoted(ga.any)}${except(ga, 'en')}, ${ga.points} points`,
        `${quoted(ga.any)}${except(ga, 'ja')}、${ga.points}点`,
      ];
      const text = say(c, `${group[0]} removed (was ${en})`, `${group[1]}を削除（変更前: ${ja}）`);
      push(c, path, subject, ga, undefined, text);
    }
  }
}
