import { LABELS, labelGroup } from '@lead-pact/labels';
import type { CommonMessages } from './commonEn';

/** Japanese text the card and the settings page share (tier, stage and route names from the one dictionary). */
export const commonJa: CommonMessages = {
  notConfiguredTitle: 'Lead Pact の設定が終わっていません',
  notConfiguredBody:
    'アプリがバックエンドのアドレスを知りません。管理者が `lead-pact set-backend-url` を実行し、プロジェクトをアップロードし直してください。',
  unreachableTitle: 'Lead Pact が応答しません',
  retry: '再試行',
  stageLabel: LABELS.ja['term.stage'],
  tier: labelGroup(LABELS.ja, 'tier'),
  stage: labelGroup(LABELS.ja, 'stage'),
  route: labelGroup(LABELS.ja, 'route'),
};
