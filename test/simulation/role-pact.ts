import type { AgreementInput } from '../../src/domain/agreement-schema';

/**
 * An agreement graded on the job title alone (A at 30 points, B at 15), for the keyword-exception tests (library
 * and CLI): 部長 and director 30 points, 課長 and manager 15; every A grade is sales-ready, capacity 80. With
 * `exceptions`, deputies and assistants are left out: 部長代理, 課長補佐, "assistant to the manager".
 */
export function rolePact(exceptions: boolean): AgreementInput {
  const except = (words: string[]) => (exceptions ? { except: words } : {});
  return {
    schema: 'lead-pact/agreement@1',
    name: exceptions ? 'Role pact with exceptions' : 'Role pact',
    fit: {
      rules: [
        {
          id: 'role',
          label: 'Role',
          property: 'jobtitle',
          keywords: [
            { any: ['本部長', '部長', 'director'], ...except(['部長代理']), points: 30 },
            { any: ['課長', 'manager'], ...except(['課長補佐', 'assistant to the manager']), points: 15 },
          ],
        },
      ],
      grades: { A: 30, B: 15, C: 5 },
    },
    intent: { signals: [], levels: { '1': 60, '2': 35, '3': 15 } },
    handoff: { salesReady: ['A1', 'A2', 'A3', 'A4'] },
    routing: { awareness: 'inside_sales' },
    sla: { firstTouchBusinessDays: 2, progressDays: 30, timezone: 'Asia/Tokyo' },
    capacity: { default: 80 },
  };
}

/** Job titles and the fit letter each gets without / with the exceptions. */
export const ROLE_TITLES: readonly [id: string, title: string, without: string, withExceptions: string][] = [
  ['1', '営業部長', 'A', 'A'],
  ['2', '営業部長代理', 'A', 'D'],
  ['3', '本部長 兼 課長補佐', 'A', 'A'],
  ['4', '経理課長補佐', 'B', 'D'],
  ['5', '部長代理 兼 課長', 'A', 'B'],
  ['6', 'Engineer', 'D', 'D'],
  ['7', 'ＡＳＳＩＳＴＡＮＴ　ＴＯ　ＴＨＥ　ＭＡＮＡＧＥＲ', 'B', 'D'],
  ['8', 'Sales Manager', 'B', 'B'],
];
