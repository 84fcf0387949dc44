import { LABELS, labelGroup } from '../domain/i18n';

/**
 * English labels of the Lead Pact enumeration options shown in HubSpot (grades label themselves), from the one
 * dictionary the card and `lead_pact_reasons` use. HubSpot keeps one label per option, so they are English.
 */
export const OPTION_LABELS: Record<string, string> = {
  ...labelGroup(LABELS.en, 'tier'),
  ...labelGroup(LABELS.en, 'stage'),
  ...labelGroup(LABELS.en, 'route'),
  ...labelGroup(LABELS.en, 'slaStatus'),
  ...labelGroup(LABELS.en, 'verdict'),
  ...labelGroup(LABELS.en, 'rejectReason'),
};
