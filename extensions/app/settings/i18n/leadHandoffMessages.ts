import { LABELS } from '@lead-pact/labels';
import type { Locale } from '../../shared/locale';

type Route = 'field_sales' | 'inside_sales' | 'marketing';
type OwnerKind = 'contact' | 'owner' | 'team';

/** The agreement editor's HubSpot Leads section (`handoff.createLeads`, `handoff.leadOwners`). */
const en = {
  title: 'HubSpot Leads',
  createLeads: 'Hand each sales-ready lead over as a HubSpot Lead',
  createLeadsHelp:
    'Off: Lead Pact only writes its contact properties. On: each contact that becomes sales-ready within capacity ' +
    'gets one Lead in the prospecting workspace, named from the contact and the grade, with the reasons; a rejection ' +
    'or an SLA recycle disqualifies it with the reason, an acceptance moves it on. Needs Sales Hub Professional or ' +
    'Enterprise and the Leads scopes.',
  route: (route: Route) => LABELS.en[`route.${route}`],
  ownerKind: 'Lead owner',
  kinds: {
    contact: 'The contact’s owner',
    owner: 'A HubSpot owner',
    team: 'A HubSpot team (its least busy member)',
  } satisfies Record<OwnerKind, string>,
  ownerId: 'Owner id',
  teamId: 'Team id',
};

const ja: typeof en = {
  title: 'HubSpot のリード',
  createLeads: '営業対象のリードを HubSpot のリードとして引き渡す',
  createLeadsHelp:
    'オフ：Lead Pact はコンタクトのプロパティだけを書き込みます。オン：上限内で営業対象になったコンタクトごとに、' +
    'プロスペクティングワークスペースにリードを 1 件作成します（名前はコンタクトとグレード、理由つき）。却下や SLA による' +
    'リサイクルでは理由とともに不適格に、受け入れでは次のステージに進めます。Sales Hub Professional または Enterprise と' +
    'リードのスコープが必要です。',
  route: (route) => LABELS.ja[`route.${route}`],
  ownerKind: 'リードの所有者',
  kinds: {
    contact: 'コンタクトの所有者',
    owner: 'HubSpot の担当者',
    team: 'HubSpot のチーム（担当中のリードが最も少ないメンバー）',
  },
  ownerId: '担当者 ID',
  teamId: 'チーム ID',
};

export type LeadHandoffMessages = typeof en;

/** The messages of `locale`. */
export function leadHandoffMessages(locale: Locale): LeadHandoffMessages {
  return locale === 'ja' ? ja : en;
}
