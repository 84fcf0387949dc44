import type { CommonMessages } from './commonEn';

/** Japanese text the card and the settings page share. */
export const commonJa: CommonMessages = {
  notConfiguredTitle: 'Lead Pact の設定が終わっていません',
  notConfiguredBody:
    'アプリがバックエンドのアドレスを知りません。管理者が `lead-pact set-backend-url` を実行し、プロジェクトをアップロードし直してください。',
  unreachableTitle: 'Lead Pact が応答しません',
  retry: '再試行',
  stageLabel: '検討段階',
  tier: {
    sales_ready: '営業対応',
    nurture: 'ナーチャリング',
    recycled: 'リサイクル',
    disqualified: '対象外',
  },
  stage: { awareness: '認知', interest: '興味', comparison: '比較検討', decision: '決定' },
  route: {
    field_sales: 'フィールドセールス',
    inside_sales: 'インサイドセールス',
    marketing: 'マーケティング',
  },
};
