import { GRADES, ROUTES, STAGES } from '../../src/domain/agreement-schema';
import { LEAD_DISQUALIFY_REASONS } from '../../src/domain/lead-stages';
import { fillTemplate, LABELS, labelGroup, type LabelKey } from '../../src/domain/i18n';
import { LOCALES, REJECT_REASONS, SLA_STATUSES, TIERS, VERDICTS } from '../../src/domain/qualification';

/** Every key the dictionary must have, built from the domain's own value lists (so a new tier needs its words). */
const EXPECTED_KEYS: readonly string[] = [
  ...TIERS.map((v) => `tier.${v}`),
  ...STAGES.map((v) => `stage.${v}`),
  ...ROUTES.map((v) => `route.${v}`),
  ...['matched', 'not_matched', 'unknown'].map((v) => `outcome.${v}`),
  ...['missing', 'unparsable', 'date_unknown'].map((v) => `note.${v}`),
  ...SLA_STATUSES.map((v) => `slaStatus.${v}`),
  ...VERDICTS.map((v) => `verdict.${v}`),
  ...REJECT_REASONS.map((v) => `rejectReason.${v}`),
  ...LEAD_DISQUALIFY_REASONS.map((v) => `leadReason.${v}`),
].sort();

const placesIn = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the one dictionary (English and Japanese)', () => {
  it('has a word in every language for every value the domain speaks', () => {
    for (const locale of LOCALES) {
      const valueKeys = Object.keys(LABELS[locale]).filter((key) => !/^(term|reason|quiz)\./.test(key));
      expect({ locale, keys: valueKeys.sort() }).toEqual({ locale, keys: EXPECTED_KEYS });
    }
  });

  it('has exactly the same keys in English and Japanese, none of them empty', () => {
    expect(Object.keys(LABELS.ja).sort()).toEqual(Object.keys(LABELS.en).sort());
    for (const locale of LOCALES) {
      const empty = Object.entries(LABELS[locale]).filter(([, text]) => text.trim() === '');
      expect({ locale, empty }).toEqual({ locale, empty: [] });
    }
  });

  it('leaves the same places to fill in both languages', () => {
    for (const key of Object.keys(LABELS.en) as LabelKey[]) {
      expect({ key, places: placesIn(LABELS.ja[key]) }).toEqual({ key, places: placesIn(LABELS.en[key]) });
    }
  });

  it('names each tier once per language, differently from the others', () => {
    for (const locale of LOCALES) {
      const tiers = Object.values(labelGroup(LABELS[locale], 'tier'));
      expect(new Set(tiers).size).toBe(TIERS.length);
    }
    expect(labelGroup(LABELS.ja, 'tier')).toEqual({
      sales_ready: '営業引き渡し',
      nurture: 'ナーチャリング',
      recycled: 'リサイクル',
      disqualified: '対象外',
    });
  });

  it('fills a phrase from its values and leaves an unknown place as written', () => {
    expect(
      fillTemplate(LABELS.en['reason.head'], { grade: GRADES[0]!, score: 81, tier: 'Sales-ready' }),
    ).toBe('A1 (score 81, Sales-ready): ');
    expect(fillTemplate('{days} days {ago}', { days: 3 })).toBe('3 days {ago}');
  });
});
