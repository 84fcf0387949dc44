import { qualify } from '../../domain/qualify';
import { renderReasons } from '../../domain/render-reasons';
import { followUpDue } from '../../domain/sla';
import type { ScoringEngine } from './rescore-ports';

/** The real engine: the domain's qualify, renderReasons and SLA first-touch deadline. */
export const domainEngine: ScoringEngine = {
  qualify,
  renderReasons,
  followUpDue: (qualifiedAt, agreement) =>
    followUpDue(qualifiedAt, agreement.sla.firstTouchBusinessDays, agreement.sla),
};
