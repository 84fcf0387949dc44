import fs from 'node:fs';
import path from 'node:path';
import example from '../../examples/agreement.json';
import { summarise } from '../../src/cli/commands/validate';
import { diffAgreements } from '../../src/domain/diff-agreements';
import { parseAgreement } from '../../src/domain/parse-agreement';
import { exampleAgreement, exampleJson } from './example-agreement';

function errorsOf(input: unknown) {
  const result = parseAgreement(input);
  if (result.success) throw new Error('expected the agreement to be rejected');
  return result.errors;
}

/** Every agreement document the project keeps: the example and the agreements in the settings page's recordings. */
function storedDocuments(): { where: string; doc: unknown }[] {
  const found: { where: string; doc: unknown }[] = [{ where: 'examples/agreement.json', doc: example }];
  const dir = path.join(__dirname, '../../extensions/app/settings/__tests__/fixtures');
  const walk = (value: unknown, where: string) => {
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${where}[${i}]`));
    else if (value && typeof value === 'object') {
      if ((value as { schema?: unknown }).schema === 'lead-pact/agreement@1')
        found.push({ where, doc: value });
      else for (const [k, v] of Object.entries(value)) walk(v, `${where}.${k}`);
    }
  };
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json')))
    walk(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')), file);
  return found;
}

describe('handoff.createLeads and handoff.leadOwners', () => {
  it('leaves every stored agreement valid and meaning the same: no Leads, handoff unchanged', () => {
    const docs = storedDocuments();
    expect(docs.length).toBeGreaterThan(10);
    for (const { where, doc } of docs) {
      const parsed = parseAgreement(structuredClone(doc));
      expect({ where, ok: parsed.success }).toEqual({ where, ok: true });
      if (!parsed.success) continue;
      // Nothing is added to the parsed document: what was stored is what is read (and what the diff compares).
      expect(parsed.data.handoff).toEqual((doc as { handoff: unknown }).handoff);
      expect(parsed.data.handoff.createLeads).toBeUndefined();
    }
  });

  it('accepts Leads with an owner or a team per route', () => {
    const json = exampleJson() as Record<string, unknown> & { handoff: Record<string, unknown> };
    json.handoff.createLeads = true;
    json.handoff.leadOwners = { field_sales: { ownerId: '101' }, inside_sales: { teamId: '7' } };
    const parsed = parseAgreement(json);
    // `lead-pact validate` says so in its one-line summary.
    expect(parsed.success && summarise(parsed.data)).toBe(
      "'FY2027 H1', 3 fit rules, 5 signals, 2 disqualifiers, sales-ready A1 A2 B1, as HubSpot Leads",
    );
    expect(parsed.success && parsed.data.handoff).toEqual({
      salesReady: ['A1', 'A2', 'B1'],
      createLeads: true,
      leadOwners: { field_sales: { ownerId: '101' }, inside_sales: { teamId: '7' } },
    });
  });

  it('refuses what is not an owner or a team, each problem at its path', () => {
    const json = exampleJson() as Record<string, unknown> & { handoff: Record<string, unknown> };
    json.handoff.createLeads = 'yes';
    json.handoff.leadOwners = {
      field_sales: { ownerId: '101', teamId: '7' },
      inside_sales: {},
      marketing: { ownerId: 101 },
      partners: { ownerId: '5' },
    };
    expect(errorsOf(json)).toEqual(
      expect.arrayContaining([
        { path: 'handoff.createLeads', message: 'expected true or false' },
        {
          path: 'handoff.leadOwners.field_sales',
          message: 'expected either "ownerId" or "teamId", not both',
        },
        {
          path: 'handoff.leadOwners.inside_sales',
          message: 'expected "ownerId" (a HubSpot owner) or "teamId" (a HubSpot team)',
        },
        {
          path: 'handoff.leadOwners.marketing.ownerId',
          message: 'expected a HubSpot owner id (digits, as a string such as "101")',
        },
        { path: 'handoff.leadOwners.partners', message: 'unknown field' },
      ]),
    );
    json.handoff.leadOwners = { field_sales: { ownerId: 'sato@example.com', userId: '3' } };
    expect(errorsOf(json)).toEqual(
      expect.arrayContaining([
        {
          path: 'handoff.leadOwners.field_sales.ownerId',
          message: 'expected a HubSpot owner id (digits, as a string such as "101")',
        },
        { path: 'handoff.leadOwners.field_sales.userId', message: 'unknown field' },
      ]),
    );
  });

  it('names the new fields in the version diff, in English and Japanese', () => {
    const before = exampleAgreement();
    const after = exampleAgreement();
    after.handoff.createLeads = true;
    after.handoff.leadOwners = { field_sales: { ownerId: '101' }, inside_sales: { teamId: '7' } };
    expect(diffAgreements(before, after).map((l) => l.text)).toEqual([
      'handoff.createLeads: now true, was false',
      'handoff.leadOwners.field_sales: now owner 101 (new)',
      'handoff.leadOwners.inside_sales: now team 7 (new)',
    ]);
    const later = exampleAgreement();
    later.handoff.createLeads = false;
    later.handoff.leadOwners = { field_sales: { teamId: '9' } };
    expect(diffAgreements(after, later, 'ja').map((l) => l.text)).toEqual([
      'handoff.createLeads: false（変更前: true）',
      'handoff.leadOwners.field_sales: チーム 9（変更前: 担当者 101）',
      'handoff.leadOwners.inside_sales: 削除（変更前: チーム 7）',
    ]);
    // createLeads written as false says the same as leaving it out: no line.
    const explicitOff = exampleAgreement();
    explicitOff.handoff.createLeads = false;
    expect(diffAgreements(before, explicitOff)).toEqual([]);
  });
});
