import { qualify } from '../../domain/qualify';
import { renderReasons } from '../../domain/render-reasons';
import { followUpDue } from '../../domain/sla';
import { pageScorer } from './score-page';
import type { PageScorerFactory } from './scored-page';
import type { ScorerModule } from './rescore-ports';
import type { ScoringEngine } from './scoring-engine';

/** The real engine: the domain's qualify, renderReasons and SLA first-touch deadline. */
export const domainEngine: ScoringEngine = {
  qualify,
  renderReasons,
  followUpDue: (qualifiedAt, agreement) =>
    followUpDue(qualifiedAt, agreement.sla.firstTouchBusinessDays, agreement.sla),
};

/** A job's scorer with the real engine, as a worker thread builds it. */
export const domainPageScorer: PageScorerFactory = (job) => pageScorer(job, domainEngine);

/** Where a worker thread finds `domainPageScorer` (this module, compiled or run from sources). */
export const DOMAIN_PAGE_SCORER: ScorerModule = { module: __filename, name: 'domainPageScorer' };
