import { LABELS } from '@lead-pact/labels';
import type { Locale } from '../../shared/locale';

type Route = 'field_sales' | 'inside_sales' | 'marketing';

/** Capacity per route, in the simulation and the report tab; route names from the one dictionary. */
const en = {
  route: (route: Route) => LABELS.en[`route.${route}`],
  cap: (route: Route) => `${LABELS.en[`route.${route}`]}: ${LABELS.en['term.capacity'].toLowerCase()}`,
  simulationChart: 'Sales-ready per month and route vs each route’s capacity',
  reportChart: 'Handed to sales and held back per route vs each route’s capacity',
  reportTrendChart: 'Per route, last six months: handed to sales and held back vs the route’s capacity',
  handed: 'Handed to sales',
  heldBack: 'Held back by capacity',
  capacity: LABELS.en['term.capacity'],
  /** A series of the six-month route chart: "Field sales: held back by capacity". */
  routeSeries: (route: Route, what: string) => `${LABELS.en[`route.${route}`]}: ${what.toLowerCase()}`,
  noCap: 'no capacity of its own',
  routeAxis: LABELS.en['term.route'],
  editorTitle: `${LABELS.en['term.capacity']} per ${LABELS.en['term.route'].toLowerCase()}`,
  editorHint:
    'Optional: a route’s own monthly cap, counted besides the total (for example when only field sales is busy). ' +
    'Leave it empty for no cap of its own.',
};

const ja: typeof en = {
  route: (route) => LABELS.ja[`route.${route}`],
  cap: (route) => `${LABELS.ja[`route.${route}`]}の${LABELS.ja['term.capacity']}`,
  simulationChart: `${LABELS.ja['term.route']}別・月ごとの${LABELS.ja['tier.sales_ready']}件数と${LABELS.ja['term.capacity']}`,
  reportChart: `${LABELS.ja['term.route']}別の営業への引き渡し数・保留数と${LABELS.ja['term.capacity']}`,
  reportTrendChart: `${LABELS.ja['term.route']}別の引き渡し数・保留数と${LABELS.ja['term.capacity']}（過去6か月）`,
  handed: '営業への引き渡し',
  heldBack: `${LABELS.ja['term.capacity']}超過で保留`,
  capacity: LABELS.ja['term.capacity'],
  routeSeries: (route, what) => `${LABELS.ja[`route.${route}`]}：${what}`,
  noCap: `${LABELS.ja['term.route']}別の${LABELS.ja['term.capacity']}なし`,
  routeAxis: LABELS.ja['term.route'],
  editorTitle: `${LABELS.ja['term.route']}別の${LABELS.ja['term.capacity']}`,
  editorHint:
    `任意：全体の${LABELS.ja['term.capacity']}とは別に、${LABELS.ja['term.route']}ごとの月間上限を設定できます` +
    '（例：フィールドセールスだけが忙しい月）。空欄の場合は個別の上限を設けません。',
};

export type RouteCapacityMessages = typeof en;

/** The messages of `locale`. */
export function routeCapacityMessages(locale: Locale): RouteCapacityMessages {
  return locale === 'ja' ? ja : en;
}
