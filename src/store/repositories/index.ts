import type { TokenCipher } from '../../security/token-cipher';
import type { DbContext } from '../db-context';
import { reportReads } from '../reads/report-reads';
import { cardSnapshots } from '../reads/card-snapshot';
import { quizCandidates } from '../reads/quiz-candidates';
import { contactLocksRepository, requestReceiptsRepository } from '../request-receipts';
import { agreementVersionsRepository } from './agreement-versions-repository';
import { auditLogRepository } from './audit-log-repository';
import { capacityRepository } from './capacity-repository';
import { checkpointsRepository } from './checkpoints-repository';
import { contactBatchesRepository } from './contact-batches-repository';
import { contactsRepository } from './contacts-repository';
import { walRepository } from './wal-repository';
import { installationsRepository } from './installations-repository';
import { jobsRepository } from './jobs-repository';
import { leadsRepository } from './leads-repository';
import { outboxRepository } from './outbox-repository';
import { qualificationsRepository } from './qualifications-repository';
import { quizAnswersRepository } from './quiz-answers-repository';
import { quizRoundLeadsRepository } from './quiz-round-leads-repository';
import { quizRoundsRepository } from './quiz-rounds-repository';
import { rateBudgetRepository } from './rate-budget-repository';
import { signalHistoryRepository } from './signal-history-repository';
import { verdictsRepository } from './verdicts-repository';
import { webhookInboxRepository } from './webhook-inbox-repository';

/** Every repository, bound to one context (the store or a transaction); tokens open with the context's cipher. */
export function createRepositories(ctx: DbContext, cipher: TokenCipher | undefined = ctx.cipher) {
  return {
    installations: installationsRepository(ctx, cipher),
    agreements: agreementVersionsRepository(ctx),
    contacts: contactsRepository(ctx),
    contactBatches: contactBatchesRepository(ctx),
    signals: signalHistoryRepository(ctx),
    qualifications: qualificationsRepository(ctx),
    verdicts: verdictsRepository(ctx),
    inbox: webhookInboxRepository(ctx),
    jobs: jobsRepository(ctx),
    outbox: outboxRepository(ctx),
    leads: leadsRepository(ctx),
    capacity: capacityRepository(ctx),
    rateBudget: rateBudgetRepository(ctx),
    checkpoints: checkpointsRepository(ctx),
    audit: auditLogRepository(ctx),
    wal: walRepository(ctx),
    reportReads: reportReads(ctx),
    cardSnapshots: cardSnapshots(ctx),
    receipts: requestReceiptsRepository(ctx),
    contactLocks: contactLocksRepository(ctx),
    quizRounds: quizRoundsRepository(ctx),
    quizLeads: quizRoundLeadsRepository(ctx),
    quizAnswers: quizAnswersRepository(ctx),
    quizCandidates: quizCandidates(ctx),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
