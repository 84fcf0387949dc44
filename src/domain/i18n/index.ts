import type { Labels } from './label-keys';
import { LABELS_EN } from './labels-en';
import { LABELS_JA } from './labels-ja';

/**
 * The one dictionary per language of every label HubSpot users see: the reasons the service writes to
 * `lead_pact_reasons`, the property options and the UI extensions all read it (the extensions as the
 * `@lead-pact/labels` package, so this folder imports nothing at runtime).
 */
export const LABELS: Readonly<Record<'en' | 'ja', Labels>> = { en: LABELS_EN, ja: LABELS_JA };

export type { LabelKey, Labels } from './label-keys';
export { LABELS_EN } from './labels-en';
export { LABELS_JA } from './labels-ja';
export { fillTemplate } from './fill-template';
export { labelGroup, type LabelGroup, type LabelGroupMember } from './label-group';
