import { parseAgreement } from '../../src/domain/parse-agreement';
import type { Agreement } from '../../src/domain/agreement-schema';
import { createSimulation } from '../../src/domain/simulation/create-simulation';
import { renderSimulation } from '../../src/domain/simulation/render-simulation';
import { ROLE_TITLES, rolePact } from './role-pact';

const NOW = Date.UTC(2026, 10, 27);

function parsed(exceptions: boolean): Agreement {
  const result = parseAgreement(rolePact(exceptions));
  if (!result.success) throw new Error(JSON.stringify(result.errors));
  return result.data;
}

function simulate(exceptions: boolean) {
  const agreement = parsed(exceptions);
  const simulation = createSimulation(agreement, { month: '2026-11', now: NOW });
  const letters = ROLE_TITLES.map(
    ([id, jobtitle]) => simulation.add({ id, properties: { jobtitle } }).fitGrade,
  );
  return { letters, result: simulation.result() };
}

describe('a simulation with keyword exceptions', () => {
  it('grades deputies and assistants by the exceptions, and says which keywords they cancelled', () => {
    const without = simulate(false);
    const withExceptions = simulate(true);
    expect(without.letters).toEqual(ROLE_TITLES.map((t) => t[2]));
    expect(withExceptions.letters).toEqual(ROLE_TITLES.map((t) => t[3]));
    expect(without.result.tiers.sales_ready).toBe(4);
    expect(withExceptions.result.tiers.sales_ready).toBe(2);
    expect(withExceptions.result.keywordExceptions).toEqual([
      {
        kind: 'fit',
        id: 'role',
        label: 'Role',
        keyword: '部長',
        cancelledBy: '部長代理',
        contacts: 1,
        examples: ['営業部長代理'],
      },
      expect.objectContaining({ keyword: '課長', cancelledBy: '課長補佐', examples: ['経理課長補佐'] }),
      expect.objectContaining({
        keyword: 'manager',
        cancelledBy: 'assistant to the manager',
        examples: ['ＡＳＳＩＳＴＡＮＴ　ＴＯ　ＴＨＥ　ＭＡＮＡＧＥＲ'],
      }),
    ]);
  });

  it('leaves the result of an agreement without exceptions as it was: no keywordExceptions key', () => {
    const { result } = simulate(false);
    expect('keywordExceptions' in result).toBe(false);
    expect(renderSimulation(result)).not.toContain('Keyword exceptions');
  });

  it('counts contacts, most first, with up to three distinct example values', () => {
    const simulation = createSimulation(parsed(true), { month: '2026-11', now: NOW });
    const titles = [
      '営業部長代理',
      '営業部長代理',
      '開発部長代理',
      '人事部長代理',
      '総務部長代理',
      '経理課長補佐',
    ];
    titles.forEach((jobtitle, i) => simulation.add({ id: String(i), properties: { jobtitle } }));
    expect(simulation.result().keywordExceptions).toEqual([
      expect.objectContaining({
        keyword: '部長',
        contacts: 5,
        examples: ['営業部長代理', '開発部長代理', '人事部長代理'],
      }),
      expect.objectContaining({ keyword: '課長', contacts: 1 }),
    ]);
  });

  it('lists them in the text report, in English and Japanese words from the one dictionary', () => {
    const { result } = simulate(true);
    expect(renderSimulation(result)).toContain(
      [
        'Keyword exceptions (contacts left without the keyword they contain):',
        "  Role: 部長 — cancelled by 部長代理: 1 contact ('営業部長代理')",
        "  Role: 課長 — cancelled by 課長補佐: 1 contact ('経理課長補佐')",
        "  Role: manager — cancelled by assistant to the manager: 1 contact ('ＡＳＳＩＳＴＡＮＴ　ＴＯ　ＴＨＥ　ＭＡＮＡＧＥＲ')",
      ].join('\n'),
    );
    expect(renderSimulation(result, 'ja')).toContain(
      "  Role: 「部長」は除外キーワード「部長代理」により対象外: 1 contact ('営業部長代理')",
    );
    const none = createSimulation(parsed(true), { month: '2026-11', now: NOW });
    none.add({ id: '1', properties: { jobtitle: '営業部長' } });
    expect(renderSimulation(none.result())).toContain(
      'Keyword exceptions: none cancelled a keyword in these contacts',
    );
  });
});
