import { LABELS, labelGroup } from '@lead-pact/labels';

/**
 * English text the card and the settings page share (set-up and outage messages; tier, stage and route names from
 * the one dictionary the reasons written to HubSpot also use), so both say the same thing. Each extension spreads it
 * into its own dictionary.
 */
export const commonEn = {
  notConfiguredTitle: 'Lead Pact is not set up',
  notConfiguredBody:
    'The app does not know its backend address. An admin runs `lead-pact set-backend-url` and uploads the project again.',
  unreachableTitle: 'Lead Pact is not answering',
  retry: 'Try again',
  stageLabel: LABELS.en['term.stage'],
  tier: labelGroup(LABELS.en, 'tier'),
  stage: labelGroup(LABELS.en, 'stage'),
  route: labelGroup(LABELS.en, 'route'),
};

/** The shape of the shared text in every language. */
export type CommonMessages = typeof commonEn;
