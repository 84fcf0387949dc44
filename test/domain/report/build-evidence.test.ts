import { buildEvidence } from '../../../src/domain/report/build-evidence';
import type { ReportCriterion } from '../../../src/domain/report/report-input';
import { leads } from './report-fixture';

const criteria: ReportCriterion[] = [
  { kind: 'signal', id: 'quote', label: 'Quote click', points: 60 },
  { kind: 'signal', id: 'webinar', label: 'Webinar', points: 10 },
  { kind: 'signal', id: 'email', label: 'Email click', points: 5 },
];

describe('buildEvidence', () => {
  it('asks for more points when a low-point signal converts clearly better than the rest', () => {
    // webinar: 20/40 = 50% [0.3520, 0.6480]; rest: 5/100 = 5% [0.0215, 0.1118]. 10 <= median(60, 10, 5) = 10.
    const rows = buildEvidence(
      [
        leads(40, 'B2', 'interest', { signals: ['webinar'] }, { converted: 20 }),
        leads(100, 'C3', 'interest', {}, { converted: 5 }),
      ],
      criteria,
    );
    expect(rows[1]?.flag).toEqual({
      kind: 'more_points',
      en: 'Webinar converted 50% (20/40), above the other leads at 5% (5/100), yet gives only 10 points: consider more points.',
      ja: '「Webinar」のリードの商談化率は50% (20/40)で、その他のリードの5% (5/100)を上回っていますが、配点は10点です。配点を上げることを検討してください。',
    });
    expect(rows[0]?.flag).toBeNull();
  });

  it('warns when sales accept the leads a signal scores clearly less often, even before outcomes show', () => {
    // quote: accepted 2 of 30 = 6.7% [0.0185, 0.2132]; rest: 27 of 30 = 90% [0.7438, 0.9654].
    const rows = buildEvidence(
      [
        leads(30, 'A1', 'decision', { signals: ['quote'] }, { handed: true, accepted: 2, rejected: 28 }),
        leads(30, 'A2', 'interest', {}, { handed: true, accepted: 27, rejected: 3 }),
      ],
      criteria,
    );
    expect(rows[0]?.flag?.kind).toBe('low_acceptance');
    expect(rows[0]?.flag?.en).toBe(
      'Sales accepted 6.7% (2/30) of the leads scored by Quote click, below 90% (27/30) for the other leads: consider fewer points.',
    );
  });

  it('stays silent when the intervals overlap, however different the rates look', () => {
    // quote: 0/3 [0, 0.5615]; rest 1/3 [0.0615, 0.7923]: overlapping.
    const rows = buildEvidence(
      [
        leads(3, 'A1', 'decision', { signals: ['quote'] }, {}),
        leads(3, 'B1', 'decision', {}, { converted: 1 }),
      ],
      criteria,
    );
    expect(rows.map((row) => row.flag)).toEqual([null, null, null]);
  });
});
