import fc from 'fast-check';
import { parseAgreement } from '../../src/domain/parse-agreement';
import { exampleJson } from './example-agreement';

function errorsOf(input: unknown) {
  const result = parseAgreement(input);
  if (result.success) throw new Error('expected the agreement to be rejected');
  return result.errors;
}

describe('parseAgreement', () => {
  it('accepts the example agreement and applies defaults', () => {
    const json = exampleJson() as Record<string, unknown>;
    delete json.disqualify;
    const result = parseAgreement(json);
    expect(result.success && result.data.disqualify).toEqual([]);
  });

  it('reports several problems at once, each with its exact path and a plain message', () => {
    const json = exampleJson();
    (json.fit.rules[0]!.bands![0] as Record<string, unknown>).min = 'many';
    json.fit.grades.B = 80;
    json.intent.signals[1]!.id = 'quote-click';
    json.sla.timezone = 'Asia/Atlantis';
    json.sla.holidays = ['2027-02-30'];
    (json.capacity.months as Record<string, number>)['2027-13'] = 5;
    json.handoff.salesReady = ['A1', 'E9'];
    expect(errorsOf(json)).toEqual(
      expect.arrayContaining([
        { path: 'fit.rules[0].bands[0].min', message: 'expected a number' },
        { path: 'fit.grades.B', message: 'expected less than A (70)' },
        { path: 'intent.signals[1].id', message: 'duplicate signal id "quote-click"' },
        { path: 'sla.timezone', message: 'expected an IANA time zone such as "Asia/Tokyo"' },
        { path: 'sla.holidays[0]', message: 'expected a real date YYYY-MM-DD' },
        { path: 'capacity.months.2027-13', message: 'expected a month YYYY-MM' },
        { path: 'handoff.salesReady[1]', message: 'expected a grade A1..D4' },
      ]),
    );
  });

  it('When a condition has no operator or two, then it says which ones', () => {
    const json = exampleJson();
    (json.intent.signals[0]!.when as Record<string, unknown>).in = ['x'];
    delete (json.disqualify[1] as Record<string, unknown>).endsWith;
    const errors = errorsOf(json);
    expect(errors).toContainEqual({
      path: 'intent.signals[0].when',
      message: expect.stringMatching(/^has 2 operators \(in, contains\)/),
    });
    expect(errors).toContainEqual({
      path: 'disqualify[1]',
      message: expect.stringMatching(/^needs one operator/),
    });
  });

  it('requires top-level points for single-valued rules and forbids them beside bands', () => {
    const json = exampleJson();
    delete (json.fit.rules[2] as Record<string, unknown>).points;
    (json.fit.rules[0] as Record<string, unknown>).points = 5;
    expect(errorsOf(json)).toEqual([
      { path: 'fit.rules[0].points', message: 'points go in each of the bands' },
      { path: 'fit.rules[2].points', message: 'required' },
    ]);
  });

  it('checks level order, routing stages, duplicate rule ids, unknown fields and missing fields', () => {
    const json = exampleJson() as ReturnType<typeof exampleJson> & Record<string, unknown>;
    json.intent.levels['3'] = 35;
    (json.routing as Record<string, string>).purchase = 'field_sales';
    json.fit.rules[1]!.id = 'company-size';
    json.colour = 'blue';
    delete (json as Record<string, unknown>).name;
    expect(errorsOf(json)).toEqual(
      expect.arrayContaining([
        { path: 'intent.levels.3', message: 'expected less than 2 (35)' },
        { path: 'routing.purchase', message: 'expected a stage: awareness, interest, comparison, decision' },
        { path: 'fit.rules[1].id', message: 'duplicate rule id "company-size"' },
        { path: 'colour', message: 'unknown field' },
        { path: 'name', message: 'required' },
      ]),
    );
  });

  it('rejects unparsable or reversed dates in between', () => {
    const json = exampleJson();
    json.disqualify[0] = {
      id: 'old',
      label: 'Old',
      property: 'createdate',
      between: { from: 'soon' },
    } as never;
    json.disqualify[1] = {
      id: 'rev',
      label: 'Rev',
      property: 'createdate',
      between: { from: '2027-02-01', to: '2027-01-01' },
    } as never;
    expect(errorsOf(json)).toEqual([
      { path: 'disqualify[0].between.from', message: 'expected a date (YYYY-MM-DD or ISO timestamp)' },
      { path: 'disqualify[1].between', message: '"from" is after "to"' },
    ]);
  });

  it('names bad capacities and unknown nested fields precisely', () => {
    const json = exampleJson();
    (json.capacity.months as Record<string, number>)['2027-01'] = -1;
    (json.capacity.months as Record<string, number>)['2026-12'] = 1.5;
    (json.fit.rules[0] as Record<string, unknown>).colour = 'red';
    expect(errorsOf(json)).toEqual(
      expect.arrayContaining([
        { path: 'capacity.months.2027-01', message: 'expected 0 or more' },
        { path: 'capacity.months.2026-12', message: 'expected a whole number' },
        { path: 'fit.rules[0].colour', message: 'unknown field' },
      ]),
    );
  });

  it('never throws when any field of the example is replaced by arbitrary JSON, and every problem has a path', () => {
    const json = exampleJson() as Record<string, unknown>;
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(json)), fc.jsonValue(), (key, value) => {
        const result = parseAgreement({ ...json, [key]: value });
        if (result.success) expect(result.data.schema).toBe('lead-pact/agreement@1');
        else {
          expect(result.errors.length).toBeGreaterThan(0);
          result.errors.forEach((e) => expect(e.path.startsWith(key)).toBe(true));
        }
      }),
    );
  });

  it('never throws on things that are not agreements', () => {
    for (const input of [null, undefined, 42, 'agreement', [], { fit: 1, intent: [] }]) {
      expect(parseAgreement(input).success).toBe(false);
    }
  });
});
