import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ContactRow } from '../../../src/cli/contacts/contact-row';
import { openContacts } from '../../../src/cli/contacts/open-contacts';
import type { PropertiesFile } from '../../../src/cli/contacts/properties-file';
import { isAppError } from '../../../src/domain/app-error';

let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'lead-pact-properties-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
async function rows(path: string, options: Parameters<typeof openContacts>[1]): Promise<ContactRow[]> {
  const source = await openContacts(path, options);
  const all: ContactRow[] = [];
  for await (const row of source.rows) all.push(row);
  return all;
}

const property = (name: string, label: string, options: { value: string; label: string }[] = []) => ({
  name,
  label,
  type: options.length ? 'enumeration' : 'string',
  fieldType: options.length ? 'select' : 'text',
  groupName: 'contactinformation',
  options,
});

/** A Japanese portal's properties as `properties pull` saves them (a custom multiple-checkbox property too). */
const PORTAL: PropertiesFile = {
  source: 'hubspot',
  portalId: '62515',
  pulledAt: '2026-12-01T00:00:00.000Z',
  contact: [
    property('hs_object_id', 'レコードID'),
    property('jobtitle', '役職'),
    property('lifecyclestage', 'ライフサイクルステージ', [
      { value: 'marketingqualifiedlead', label: 'マーケティングクオリファイドリード' },
      { value: 'customer', label: '顧客' },
    ]),
    property('webinar_topics', 'ウェビナーのテーマ', [
      { value: 'abm', label: 'ABM入門' },
      { value: 'ma', label: 'MA活用' },
    ]),
    property('industry', 'Industry (contact)', [{ value: 'MACHINERY', label: '機械' }]),
  ],
  company: [
    property('numberofemployees', '従業員数'),
    property('industry', '業種', [{ value: 'COMPUTER_SOFTWARE', label: 'コンピューターソフトウェア' }]),
  ],
};

describe('Japanese labels built in (verified in HubSpot documentation)', () => {
  it('reads レコードID, ライフサイクルステージ, 関連付けられている取引 and the company 会社のドメイン名 and 国 without a properties file', async () => {
    const csv = file(
      'builtin-ja.csv',
      'レコードID,ライフサイクルステージ,関連付けられている取引,company.会社のドメイン名,company.国\n' +
        '5,customer,2,example.co.jp,Japan\n',
    );
    expect(await rows(csv, {})).toEqual([
      {
        line: 2,
        contact: {
          id: '5',
          properties: { hs_object_id: '5', lifecyclestage: 'customer', num_associated_deals: '2' },
          company: { domain: 'example.co.jp', country: 'Japan' },
        },
      },
    ]);
  });
});

describe('an export read through a properties file', () => {
  it("maps the portal's labels to internal names and its option labels to internal values", async () => {
    const properties = file('portal.json', JSON.stringify(PORTAL));
    const csv = file(
      'ja.csv',
      'レコードID,役職,ライフサイクルステージ,ウェビナーのテーマ,company.従業員数,company.業種\n' +
        '7,部長,顧客,ABM入門;MA活用,"1,200",コンピューターソフトウェア\n' +
        '8,課長,customer,未知のテーマ,30,Unknown Label\n',
    );
    expect(await rows(csv, { propertiesFile: properties })).toEqual([
      {
        line: 2,
        contact: {
          id: '7',
          properties: {
            hs_object_id: '7',
            jobtitle: '部長',
            lifecyclestage: 'customer',
            webinar_topics: 'abm;ma',
          },
          company: { numberofemployees: '1,200', industry: 'COMPUTER_SOFTWARE' },
        },
      },
      {
        // Internal values stand for themselves; an unknown label is kept as it is (and matches nothing).
        line: 3,
        contact: {
          id: '8',
          properties: {
            hs_object_id: '8',
            jobtitle: '課長',
            lifecyclestage: 'customer',
            webinar_topics: '未知のテーマ',
          },
          company: { numberofemployees: '30', industry: 'Unknown Label' },
        },
      },
    ]);
  });

  it("the portal's labels come before HubSpot's standard ones, and --map before both", async () => {
    const properties = file('portal-precedence.json', JSON.stringify(PORTAL));
    const map = file('map.json', JSON.stringify({ 役職: 'hs_role' }));
    const csv = file('precedence.csv', 'Record ID,Industry (contact),Job Title,役職\n9,機械,VP,部長\n');
    expect(await rows(csv, { propertiesFile: properties, mapFile: map })).toEqual([
      {
        line: 2,
        contact: {
          id: '9',
          properties: { hs_object_id: '9', industry: 'MACHINERY', jobtitle: 'VP', hs_role: '部長' },
        },
      },
    ]);
  });

  it("accepts what the service's GET /api/properties answers, even from stored contacts", async () => {
    const fromService = {
      source: 'stored_contacts',
      contact: [property('jobtitle', 'jobtitle')],
      company: [],
    };
    const csv = file('service.csv', 'id,jobtitle\n1,VP\n');
    const properties = file('service.json', JSON.stringify(fromService));
    expect(await rows(csv, { propertiesFile: properties })).toEqual([
      { line: 2, contact: { id: '1', properties: { id: '1', jobtitle: 'VP' } } },
    ]);
  });

  it('refuses a file of another shape, naming each problem and what it expected', async () => {
    const csv = file('any.csv', 'id\n1\n');
    const wrong = file('wrong.json', JSON.stringify({ contact: 'none' }));
    const error = await openContacts(csv, { propertiesFile: wrong }).catch((e: unknown) => e);
    expect(isAppError(error) && error.code).toBe('invalid_input');
    expect((error as Error).message).toBe(
      `${wrong}: contact: Invalid input: expected array, received string\n` +
        `${wrong}: company: Invalid input: expected array, received undefined\n` +
        '(expected the output of "lead-pact properties pull")',
    );
  });
});
