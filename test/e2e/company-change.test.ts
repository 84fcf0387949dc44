import { agreement as baseAgreement, NO_QUOTE, QUOTE } from './e2e-agreement';
import { startWorld, type E2eWorld } from './e2e-processes';
import { tempPostgres, type TestDatabase } from '../store/test-databases';

// Two processes: the stand-in plays a HubSpot user changing a company and sends HubSpot's signed company webhook to
// `lead-pact serve`, which must find the company's contacts and write their new verdicts back, once each.
jest.setTimeout(180_000);

/**
 * The e2e agreement with the company's size as a second fit rule: role (director 30, manager 15) plus company size
 * (1,000+ employees 40, 100+ 20); A at 70, B at 45, C at 20. A quote is 60 intent points (level 1); only A1 is
 * handed to sales.
 */
const agreement = {
  ...baseAgreement,
  name: 'E2E company size',
  fit: {
    rules: [
      {
        id: 'role',
        label: 'Role',
        property: 'jobtitle',
        keywords: [
          { any: ['director'], points: 30 },
          { any: ['manager'], points: 15 },
        ],
      },
      {
        id: 'company-size',
        label: 'Company size',
        property: 'company.numberofemployees',
        bands: [
          { min: 1000, points: 40 },
          { min: 100, points: 20 },
        ],
      },
    ],
    grades: { A: 70, B: 45, C: 20 },
  },
};

interface Person {
  jobtitle: 'Director of Sales' | 'Sales Manager' | 'Engineer';
  quote: boolean;
  companyId?: string;
}

/**
 * The verdict worked out by hand: fit points = role + size, graded against 70/45/20; the score is
 * 50 x 0.8 x fit/70 (fit up to 70) + 40 for a quote (compute-score.ts), rounded.
 */
function verdict(p: Person, employees: number): Record<string, string> {
  const fit =
    (p.jobtitle.startsWith('Director') ? 30 : p.jobtitle.includes('Manager') ? 15 : 0) +
    (employees >= 1000 ? 40 : employees >= 100 ? 20 : 0);
  const letter = fit >= 70 ? 'A' : fit >= 45 ? 'B' : fit >= 20 ? 'C' : 'D';
  const grade = `${letter}${p.quote ? 1 : 4}`;
  const salesReady = grade === 'A1';
  return {
    lead_pact_grade: grade,
    lead_pact_tier: salesReady ? 'sales_ready' : 'nurture',
    lead_pact_score: String(Math.round((50 * 0.8 * Math.min(fit, 70)) / 70 + (p.quote ? 40 : 0))),
    lead_pact_stage: p.quote ? 'decision' : 'awareness',
    lead_pact_route: salesReady ? 'field_sales' : 'marketing',
  };
}

const SMALL = '100000';
const MID = '100001';
const people: Record<string, Person> = {
  '1': { jobtitle: 'Director of Sales', quote: true, companyId: SMALL },
  '2': { jobtitle: 'Sales Manager', quote: false, companyId: SMALL },
  '3': { jobtitle: 'Engineer', quote: true, companyId: SMALL },
  '4': { jobtitle: 'Director of Sales', quote: true, companyId: MID },
  '5': { jobtitle: 'Engineer', quote: false, companyId: MID },
  '6': { jobtitle: 'Director of Sales', quote: false },
};
const employeesBefore: Record<string, number> = { [SMALL]: 50, [MID]: 150 };
const seed = {
  contacts: Object.entries(people).map(([id, p]) => ({
    id,
    properties: { jobtitle: p.jobtitle, recent_conversion_event_name: p.quote ? QUOTE : NO_QUOTE },
    ...(p.companyId ? { companyId: p.companyId } : {}),
  })),
  companies: Object.entries(employeesBefore).map(([id, employees]) => ({
    id,
    properties: { name: `Company ${id}`, numberofemployees: String(employees), industry: 'MACHINERY' },
  })),
};

type Engine = 'sqlite' | 'postgres';

describe.each<Engine>(['sqlite', 'postgres'])('a company change in HubSpot, on %s', (engine) => {
  let world: E2eWorld;
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = engine === 'postgres' ? await tempPostgres() : undefined;
    world = await startWorld({
      seed,
      agreement,
      webhooks: true,
      ...(database?.options.databaseUrl ? { databaseUrl: database.options.databaseUrl } : {}),
    });
  });
  afterAll(async () => {
    await world?.stop();
    await database?.drop();
  });

  const stored = async (id: string) =>
    (await world.standin<{ properties: Record<string, string> }>(`/__standin/contacts/${id}`)).properties;

  it('When the service has started, then every contact is graded with its company as it is', async () => {
    await world.idle();
    for (const [id, person] of Object.entries(people)) {
      const employees = person.companyId ? (employeesBefore[person.companyId] ?? 0) : 0;
      expect({ id, ...(await stored(id)) }).toMatchObject({ id, ...verdict(person, employees) });
    }
  });

  it("When a company's employee count changes in HubSpot, then its contacts are re-graded and written back once each, and no other contact is touched", async () => {
    await world.idle();
    const since = (await world.updates()).length;
    const answer = await world.admin('POST', `/__standin/companies/${SMALL}`, {
      properties: { numberofemployees: '1500' },
    });
    expect(await answer.json()).toMatchObject({ id: SMALL, webhook: { status: 200 } });
    await world.idle();

    const writes = (await world.updates()).slice(since).filter((u) => u.status === 200);
    const written = writes.flatMap((u) => u.inputs.map((input) => input.id));
    expect(written.sort()).toEqual(['1', '2', '3']);
    // Hand-derived: C1 -> A1 (handed to sales), D4 -> B4, D1 -> C1.
    expect(verdict(people['1']!, 1500)).toMatchObject({
      lead_pact_grade: 'A1',
      lead_pact_tier: 'sales_ready',
      lead_pact_score: '80',
    });
    expect(verdict(people['2']!, 1500)).toMatchObject({ lead_pact_grade: 'B4', lead_pact_score: '31' });
    expect(verdict(people['3']!, 1500)).toMatchObject({ lead_pact_grade: 'C1', lead_pact_score: '63' });
    for (const id of ['1', '2', '3']) {
      const expected = verdict(people[id]!, 1500);
      expect({ id, ...(await stored(id)) }).toMatchObject({ id, ...expected });
      const input = writes.flatMap((u) => u.inputs).find((i) => i.id === id);
      expect(input?.properties).toMatchObject({ lead_pact_grade: expected.lead_pact_grade });
    }
    for (const id of ['4', '5', '6']) {
      const person = people[id]!;
      const employees = person.companyId ? (employeesBefore[person.companyId] ?? 0) : 0;
      expect({ id, ...(await stored(id)) }).toMatchObject({ id, ...verdict(person, employees) });
    }
    const [fanOut] = await world.store.jobs.list({ type: 'sync-company-contacts' });
    expect(fanOut).toMatchObject({ status: 'succeeded', result: { companies: 1, requests: 1, queued: 3 } });
  });
});
