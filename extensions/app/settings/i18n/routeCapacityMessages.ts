import { LABELS } from '@lead-pact/labels';
import type { Locale } from '../../shared/locale';

type Route = 'field_sales' | 'inside_sales' | 'marketing';

/** Capacity per route, in the simulation and the report tab; route names from the one dictionary. */
const en = {
  route: (route: Route) => LABELS.en[`route.${route}`],
  cap: (route: Route) => `${LABELS.en[`route.${route}`]}: ${LABELS.en['term.capacity'].toLowerCase()}`,
  simulationChart: 'Sales-ready per month and route vs each route’s capacity',
  reportChart: 'Handed to sales per route vs each route’s capacity',
  handed: 'Handed to sales',
  capacity: LABELS.en['term.capacity'],
  noCap: 'no capacity of its own',
  routeAxis: LABELS.en['term.route'],
};

const ja: typeof en = {
  route: (route) => LABELS.ja[`route.${route}`],
  cap: (route) => `${LABELS.ja[`route.${route}`]}の${LABELS.ja['term.capacity']}`,
  simulationChart: `${LABELS.ja['term.route']}別・月ごとの${LABELS.ja['tier.sales_ready']}件数と${LABELS.ja['term.capacity']}`,
  reportChart: `${LABELS.ja['term.route']}別の営業への引き渡し数と${LABELS.ja['term.capacity']}`,
  handed: '営業への引き渡し',
  capacity: LABELS.ja['term.capacity'],
  noCap: `${LABELS.ja['term.route']}別の${LABELS.ja['term.capacity']}なし`,
  routeAxis: LABELS.ja['term.route'],
};

export type RouteCapacityMessages = typeof en;

/** The messages of `locale`. */
export function routeCapacityMessages(locale: Locale): RouteCapacityMessages {
  return locale === 'ja' ? ja : en;
}
