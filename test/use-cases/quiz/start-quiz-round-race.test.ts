import { isAppError } from '../../../src/domain/app-error';
import { qualify } from '../../../src/domain/qualify';
import type { StoredQualification } from '../../../src/use-cases/ports/qualifications';
import { closeQuizRound } from '../../../src/use-cases/quiz/quiz-result';
import { startQuizRound } from '../../../src/use-cases/quiz/start-quiz-round';
import { exampleAgreement } from '../../domain/example-agreement';
import { activate, agreementWith } from '../rescore/rescore-fixtures';
import { freshPortal, useStore } from '../../store/store-contract';
import { ENGINE_FACTORIES } from '../../store/test-databases';
import { quizContacts } from './quiz-contacts';

const NOW = Date.parse('2026-11-27T09:00:00Z');
const clock = { now: () => NOW };

describe.each(ENGINE_FACTORIES)('starting quiz rounds at the same moment, on %s', (_engine, make) => {
  const store = useStore(make);

  /** A portal with the example agreement active and the eight quiz contacts qualified under it. */
  async function portalWithLeads(): Promise<string> {
    const portal = freshPortal();
    await activate(store(), portal, agreementWith());
    const contacts = quizContacts(NOW);
    await store().contacts.upsertMany(portal, contacts, NOW);
    const agreement = exampleAgreement();
    const rows = contacts.map((contact): StoredQualification => {
      const q = qualify(contact, agreement, NOW);
      return {
        ...{
          contactId: contact.id,
          tier: q.tier,
          grade: q.grade,
          score: Math.round(q.score),
          stage: q.stage,
        },
        ...{ route: q.route, tierReason: q.tierReason, reasons: '', agreementVersion: 1, qualifiedAt: null },
        ...{
          followUpDue: null,
          slaStatus: null,
          recycledAt: null,
          capacityMonth: null,
          criteria: q.criteria,
        },
      };
    });
    await store().qualifications.upsertMany(portal, rows, NOW);
    return portal;
  }

  const start = (portalId: string, userId: string) =>
    startQuizRound({ store: store(), clock }, { portalId, userId, size: 8 });

  it('When marketing and sales press "Start" at once, then one round starts and the other is told it is already open', async () => {
    const portal = await portalWithLeads();
    const results = await Promise.allSettled([start(portal, '501'), start(portal, '601')]);
    const started = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(started).toEqual([{ status: 'fulfilled', value: 1 }]);
    expect(refused).toHaveLength(1);
    expect(isAppError(refused[0]!.reason, 'conflict')).toBe(true);
    expect((refused[0]!.reason as Error).message).toBe(
      'A round is already open (round 1): answer it, or close it before starting another.',
    );
    const rounds = await store().quizRounds.list(portal, 10);
    expect(rounds.map((r) => [r.id, r.status])).toEqual([[1, 'open']]);
    expect(await store().quizLeads.list(portal, 1)).toHaveLength(8);
  });

  it('When ten starts race, then still exactly one round is open, and after it closes the next one starts as round 2', async () => {
    const portal = await portalWithLeads();
    const users = Array.from({ length: 10 }, (_, i) => String(500 + i));
    const results = await Promise.allSettled(users.map((u) => start(portal, u)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.every((r) => r.status === 'fulfilled' || isAppError(r.reason, 'conflict'))).toBe(true);
    expect((await store().quizRounds.list(portal, 20)).map((r) => r.id)).toEqual([1]);
    await closeQuizRound({ store: store(), clock }, { portalId: portal, userId: '501' }, 1);
    expect(await start(portal, '601')).toBe(2);
  });
});
