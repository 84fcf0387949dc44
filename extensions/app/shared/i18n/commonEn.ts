import type { Route, Stage, Tier } from '@lead-pact/contracts';

/**
 * English text the card and the settings page share (set-up and outage messages, tier, stage and route names), so
 * both say the same thing. Each extension spreads it into its own dictionary.
 */
export const commonEn = {
  notConfiguredTitle: 'Lead Pact is not set up',
  notConfiguredBody:
    'The app does not know its backend address. An admin runs `lead-pact set-backend-url` and uploads the project again.',
  unreachableTitle: 'Lead Pact is not answering',
  retry: 'Try again',
  stageLabel: 'Stage',
  tier: {
    sales_ready: 'Sales-ready',
    nurture: 'Nurture',
    recycled: 'Recycled',
    disqualified: 'Disqualified',
  } satisfies Record<Tier, string>,
  stage: {
    awareness: 'Awareness',
    interest: 'Interest',
    comparison: 'Comparison',
    decision: 'Decision',
  } satisfies Record<Stage, string>,
  route: {
    field_sales: 'Field sales',
    inside_sales: 'Inside sales',
    marketing: 'Marketing',
  } satisfies Record<Route, string>,
};

/** The shape of the shared text in every language. */
export type CommonMessages = typeof commonEn;
