import { LABELS, labelGroup } from '@lead-pact/labels';
import { commonEn } from '../../shared/i18n/commonEn';
import { commonJa } from '../../shared/i18n/commonJa';
import { useSettingsMessages } from '../i18n/useSettingsMessages';

type Cause = 'sla_no_touch' | 'sla_no_progress' | 'rejected';
type FlagKind = 'fewer_points' | 'low_acceptance' | 'more_points';

/** English text of the report tab. */
const en = {
  tab: 'Monthly report',
  month: 'Month',
  loading: 'Building the report…',
  failedTitle: 'The report could not be built',
  failedBody: 'Lead Pact did not answer. Try again in a minute.',
  retry: 'Try again',
  handoffTitle: 'Handed to sales',
  handed: 'Handed to sales',
  capacity: LABELS.en['term.capacity'],
  heldBack: 'Held back by capacity',
  utilisation: 'Capacity used',
  noCapacity: 'no agreement in force',
  trendChart: 'Handed to sales and held back vs capacity, last six months',
  series: {
    handed: 'Handed to sales',
    capacity: LABELS.en['term.capacity'],
    heldBack: 'Held back by capacity',
  },
  contacts: 'Contacts',
  followUpTitle: 'Follow-up',
  followUpChart: 'Followed up within the SLA, last six months (%)',
  withinSla: 'Within SLA (%)',
  rep: 'Rep',
  allReps: 'All reps',
  unassigned: 'No owner',
  ownerNameUnavailable: (id: string) => `${id} (name unavailable)`,
  ownerNamesMissingTitle: 'Rep names could not be read',
  ownerNamesMissing: {
    missing_scope: (scope: string) =>
      `HubSpot has not granted Lead Pact the ${scope} scope, so reps are shown by their HubSpot owner id. Reinstall the app to grant it.`,
    unreachable: () =>
      'HubSpot could not be reached for the rep names, so reps are shown by their HubSpot owner id. Open the report again in a few minutes.',
    not_configured: () => 'HubSpot is not connected, so reps are shown by their HubSpot owner id.',
  },
  withinSlaColumn: 'Within SLA',
  breaches: 'Breaches',
  pending: 'Not yet due',
  median: 'Median to first touch',
  hours: (h: string) => `${h} h`,
  verdictsTitle: 'Rep verdicts',
  accepted: LABELS.en['verdict.accepted'],
  rejected: LABELS.en['verdict.rejected'],
  undecided: 'No verdict yet',
  acceptance: 'Acceptance',
  reason: 'Reason',
  count: 'Contacts',
  noRejections: 'No lead was rejected this month.',
  rejectReason: labelGroup(LABELS.en, 'rejectReason'),
  recycledTitle: LABELS.en['tier.recycled'],
  cause: 'Cause',
  recycleCause: {
    sla_no_touch: 'SLA: never touched',
    sla_no_progress: 'SLA: no progress',
    rejected: 'Rejected by a rep',
  } satisfies Record<Cause, string>,
  noRecycles: 'No lead was recycled this month.',
  conversionTitle: 'Conversion (reached opportunity or customer, or got a deal)',
  conversionChart: 'Conversion by grade (%)',
  conversionPercent: 'Conversion (%)',
  grade: LABELS.en['term.grade'],
  signal: 'Signal',
  version: 'Agreement version',
  stageColumn: LABELS.en['term.stage'],
  rate: 'Rate',
  converted: 'Converted / leads',
  interval: '95% interval',
  allLeads: 'All leads',
  handedLeads: 'Handed to sales',
  // The card and the settings page name stages the same way: one dictionary for all three.
  stage: commonEn.stage,
  evidenceTitle: 'What the outcomes say about the agreement',
  flagKind: {
    fewer_points: 'Consider fewer points',
    more_points: 'Consider more points',
    low_acceptance: 'Sales rejects these',
  } satisfies Record<FlagKind, string>,
  noFlags: 'No rule or signal clearly disagrees with the outcomes this month.',
  suggestionTitle: 'Suggestion for next month (not applied)',
  suggestionHowTo:
    'A suggestion changes nothing by itself: to use it, edit the sales-ready grades in the Agreement tab and propose the change for approval.',
  notesTitle: 'About this report',
  empty: 'No leads this month',
  emptyBody: 'Nothing was scored in this month yet, so there is nothing to report.',
};

export type ReportMessages = typeof en;

/** Japanese text of the report tab. */
const ja: ReportMessages = {
  tab: '月次レポート',
  month: '対象月',
  loading: 'レポートを作成しています…',
  failedTitle: 'レポートを作成できませんでした',
  failedBody: 'Lead Pact が応答しません。しばらくしてからもう一度お試しください。',
  retry: '再試行',
  handoffTitle: '営業への引き渡し',
  handed: LABELS.ja['tier.sales_ready'],
  capacity: LABELS.ja['term.capacity'],
  heldBack: `${LABELS.ja['term.capacity']}超過で保留`,
  utilisation: `${LABELS.ja['term.capacity']}の使用率`,
  noCapacity: '有効な合意なし',
  trendChart: `引き渡し数・保留数と${LABELS.ja['term.capacity']}（過去6か月）`,
  series: {
    handed: LABELS.ja['tier.sales_ready'],
    capacity: LABELS.ja['term.capacity'],
    heldBack: `${LABELS.ja['term.capacity']}超過で保留`,
  },
  contacts: 'コンタクト数',
  followUpTitle: 'フォローアップ',
  followUpChart: 'SLA 内のフォローアップ率（過去6か月、%）',
  withinSla: 'SLA 内（%）',
  rep: '担当者',
  allReps: '全担当者',
  unassigned: '担当者なし',
  ownerNameUnavailable: (id) => `${id}（名前を取得できません）`,
  ownerNamesMissingTitle: '担当者名を取得できません',
  ownerNamesMissing: {
    missing_scope: (scope) =>
      `HubSpot が Lead Pact に ${scope} スコープを許可していないため、担当者を HubSpot の所有者 ID で表示しています。アプリを再インストールして許可してください。`,
    unreachable: () =>
      'HubSpot に接続できず担当者名を取得できなかったため、担当者を HubSpot の所有者 ID で表示しています。数分後にもう一度開いてください。',
    not_configured: () => 'HubSpot に接続されていないため、担当者を HubSpot の所有者 ID で表示しています。',
  },
  withinSlaColumn: 'SLA 内',
  breaches: 'SLA 違反',
  pending: '期限前',
  median: '初回接触までの中央値',
  hours: (h) => `${h} 時間`,
  verdictsTitle: '営業の判定',
  accepted: LABELS.ja['verdict.accepted'],
  rejected: LABELS.ja['verdict.rejected'],
  undecided: '未判定',
  acceptance: '受け入れ率',
  reason: '理由',
  count: 'コンタクト数',
  noRejections: '今月却下されたリードはありません。',
  rejectReason: labelGroup(LABELS.ja, 'rejectReason'),
  recycledTitle: LABELS.ja['tier.recycled'],
  cause: '原因',
  recycleCause: {
    sla_no_touch: 'SLA：未接触',
    sla_no_progress: 'SLA：進展なし',
    rejected: '営業が却下',
  },
  noRecycles: '今月リサイクルされたリードはありません。',
  conversionTitle: 'コンバージョン（商談・顧客に到達、または取引あり）',
  conversionChart: 'グレード別コンバージョン率（%）',
  conversionPercent: 'コンバージョン率（%）',
  grade: LABELS.ja['term.grade'],
  signal: 'シグナル',
  version: '合意のバージョン',
  stageColumn: LABELS.ja['term.stage'],
  rate: '率',
  converted: '成約 / リード',
  interval: '95% 信頼区間',
  allLeads: '全リード',
  handedLeads: LABELS.ja['tier.sales_ready'],
  stage: commonJa.stage,
  evidenceTitle: '成果から見た合意の妥当性',
  flagKind: {
    fewer_points: '配点を下げる検討',
    more_points: '配点を上げる検討',
    low_acceptance: '営業が却下しがち',
  },
  noFlags: '今月は、成果と明らかに食い違うルールやシグナルはありません。',
  suggestionTitle: '来月への提案（未適用）',
  suggestionHowTo:
    'この提案だけでは何も変わりません。使う場合は「合意」タブで営業引き渡しグレードを編集し、承認を依頼してください。',
  notesTitle: 'このレポートについて',
  empty: '今月のリードはありません',
  emptyBody: 'この月にはまだスコアリングされたコンタクトがないため、レポートする内容がありません。',
};

/** The report tab's text in the user's language, the locale for Intl, and the settings page's tab names. */
export function useReportMessages() {
  const { locale } = useSettingsMessages();
  return { r: locale === 'ja' ? ja : en, locale };
}
