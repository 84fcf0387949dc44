import example from '../../examples/agreement.json';
import { AGREEMENT_LIMITS } from '../../src/domain/agreement/agreement-limits';
import { agreementShape, type Agreement } from '../../src/domain/agreement-schema';
import { diffAgreements } from '../../src/domain/diff-agreements';
import { parseAgreement } from '../../src/domain/parse-agreement';
import { exampleJson } from './example-agreement';

type Json = ReturnType<typeof exampleJson>;
type Group = { any: string[]; except?: string[]; points: number };

/** The example with `except` lists on its role rule's two keyword groups. */
function withExceptions(first: string[] | undefined, second: string[] | undefined): Json {
  const json = exampleJson();
  const groups = json.fit.rules[1]!.keywords as Group[];
  if (first) groups[0]!.except = first;
  if (second) groups[1]!.except = second;
  return json;
}

function parsed(input: unknown): Agreement {
  const result = parseAgreement(input);
  if (!result.success) throw new Error(JSON.stringify(result.errors));
  return result.data;
}

function errorsOf(input: unknown) {
  const result = parseAgreement(input);
  if (result.success) throw new Error('expected the agreement to be refused');
  return result.errors;
}

describe('keyword exceptions in lead-pact/agreement@1', () => {
  it('parses an agreement without exceptions exactly as before: no except field appears, a round trip is unchanged', () => {
    const once = parsed(exampleJson());
    expect(once.fit.rules[1]!.keywords).toEqual(example.fit.rules[1]!.keywords);
    expect(once.fit.rules[1]!.keywords!.every((g) => !('except' in g))).toBe(true);
    expect(parsed(JSON.parse(JSON.stringify(once)))).toEqual(once);
  });

  it('keeps exceptions through a round trip', () => {
    const once = parsed(withExceptions(['部長代理', '部長補佐'], ['課長補佐']));
    expect(once.fit.rules[1]!.keywords![0]!.except).toEqual(['部長代理', '部長補佐']);
    expect(once.fit.rules[1]!.keywords![1]!.except).toEqual(['課長補佐']);
    expect(parsed(JSON.parse(JSON.stringify(once)))).toEqual(once);
  });

  it('refuses an exception that contains none of its group keywords, or is one of them', () => {
    const json = withExceptions(['部長代理', 'assistant to the'], ['MANAGER']);
    expect(errorsOf(json)).toEqual([
      {
        path: 'fit.rules[1].keywords[0].except[1]',
        message:
          'contains none of this group\'s keywords ("代表取締役", "取締役", "本部長", "部長", "director", …), so it ' +
          'could never cancel a match; write the whole phrase to leave out, keyword included (such as "部長代理" ' +
          'for "部長")',
      },
      {
        path: 'fit.rules[1].keywords[1].except[0]',
        message: 'is the keyword "manager" itself, so it would cancel every match of it',
      },
    ]);
  });

  it('looks for the keyword under its word-boundary rule: "svp" does not contain the keyword "vp"', () => {
    const errors = errorsOf(withExceptions(['svp of sales', 'ＶＰ ｏｆ ｆｉｎａｎｃｅ'], undefined));
    expect(errors.map((e) => e.path)).toEqual(['fit.rules[1].keywords[0].except[0]']);
  });

  it('refuses a blank exception, an empty list and an unknown field beside it', () => {
    const json = withExceptions([''], []);
    (json.fit.rules[1]!.keywords![1] as Record<string, unknown>).exclude = ['課長補佐'];
    expect(errorsOf(json)).toEqual(
      expect.arrayContaining([
        { path: 'fit.rules[1].keywords[0].except[0]', message: expect.any(String) },
        { path: 'fit.rules[1].keywords[1].except', message: 'expected at least one value' },
        { path: 'fit.rules[1].keywords[1].exclude', message: 'unknown field' },
      ]),
    );
  });

  it('has limits: exceptions per rule and characters per exception', () => {
    const max = AGREEMENT_LIMITS.keywordExceptionsPerRule;
    const many = Array.from({ length: max + 1 }, (_, i) => `部長代理${i}`);
    expect(errorsOf(withExceptions(many, undefined))).toEqual([
      {
        path: 'fit.rules[1].keywords',
        message: `at most ${max} keyword exceptions in all (got ${max + 1})`,
      },
    ]);
    expect(parsed(withExceptions(many.slice(0, max - 1), ['課長補佐']))).toBeDefined();
    const long = `部長${'代'.repeat(AGREEMENT_LIMITS.keywordChars - 1)}`;
    expect(errorsOf(withExceptions([long], undefined))).toEqual([
      {
        path: 'fit.rules[1].keywords[0].except[0]',
        message: `at most ${AGREEMENT_LIMITS.keywordChars} characters (got ${AGREEMENT_LIMITS.keywordChars + 1})`,
      },
    ]);
  });

  it('shows added and removed exceptions in the proposal diff, in English and Japanese', () => {
    const before = agreementShape.parse(exampleJson());
    const after = parsed(withExceptions(['部長代理'], undefined));
    expect(diffAgreements(before, after).map((l) => [l.path, l.text])).toEqual([
      [
        'fit.rules[role].keywords[1].except',
        "fit.rules[role]: keyword group 1 exceptions now '部長代理' (new)",
      ],
    ]);
    expect(diffAgreements(before, after, 'ja')[0]!.text).toContain(
      "キーワードグループ1の除外キーワード '部長代理'（新規）",
    );
    const more = parsed(withExceptions(['部長代理', '部長補佐'], undefined));
    expect(diffAgreements(after, more).map((l) => l.text)).toEqual([
      "fit.rules[role]: keyword group 1 exceptions now '部長代理', '部長補佐' (added '部長補佐')",
    ]);
    expect(diffAgreements(more, before).map((l) => l.text)).toEqual([
      "fit.rules[role]: keyword group 1 exceptions removed (was '部長代理', '部長補佐')",
    ]);
  });

  it('names the exceptions of a keyword group that is added', () => {
    const before = agreementShape.parse(exampleJson());
    const json = exampleJson();
    (json.fit.rules[1]!.keywords as Group[]).push({ any: ['係長'], except: ['係長代理'], points: 5 });
    expect(diffAgreements(before, parsed(json)).map((l) => l.text)).toEqual([
      "fit.rules[role]: keyword group 3 added: '係長' except '係長代理' (5 points)",
    ]);
    expect(diffAgreements(before, parsed(json), 'ja').map((l) => l.text)).toEqual([
      expect.stringContaining("'係長'（除外: '係長代理'）（5点）"),
    ]);
  });
});
