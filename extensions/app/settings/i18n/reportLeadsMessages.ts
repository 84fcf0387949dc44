import { LABELS, labelGroup } from '@lead-pact/labels';
import type { Locale } from '../../shared/locale';

/** The report tab's HubSpot Leads section; the reasons from the one dictionary. */
const en = {
  title: 'HubSpot Leads',
  help:
    'The Leads Lead Pact created in HubSpot for this month’s handoffs, the Leads a rep first moved on in the ' +
    'prospecting workspace (that move is the first touch for the SLA), the Leads disqualified and why (by Lead Pact, ' +
    'or by a rep in HubSpot), and the Leads that reached the qualified stage.',
  created: 'Created',
  worked: 'Worked by a rep',
  disqualified: 'Disqualified',
  converted: 'Converted',
  reason: 'Reason',
  count: 'Leads',
  reasons: labelGroup(LABELS.en, 'leadReason') as Record<string, string>,
  noneDisqualified: 'No Lead was disqualified this month.',
};

const ja: typeof en = {
  title: 'HubSpot のリード',
  help:
    '今月の引き渡しで Lead Pact が HubSpot に作成したリード、営業がプロスペクティングワークスペースで最初に進めたリード' +
    '（これが SLA の初回接触になります）、不適格になったリードとその理由（Lead Pact によるもの、または営業が HubSpot で' +
    '不適格にしたもの）、適格ステージに達したリードです。',
  created: '作成',
  worked: '営業が着手',
  disqualified: '不適格',
  converted: '適格（コンバージョン）',
  reason: '理由',
  count: 'リード数',
  reasons: labelGroup(LABELS.ja, 'leadReason') as Record<string, string>,
  noneDisqualified: '今月不適格になったリードはありません。',
};

export type ReportLeadsMessages = typeof en;

/** The messages of `locale`. */
export function reportLeadsMessages(locale: Locale): ReportLeadsMessages {
  return locale === 'ja' ? ja : en;
}
