import type { QuizLead } from '../../src/domain/quiz/quiz-types';
import type { StoredQualification } from '../../src/use-cases/ports/qualifications';
import type { TestDatabase } from './test-databases';
import { freshPortal, useStore } from './store-contract';

const lead = (key: number, contactId: string): QuizLead => ({
  leadKey: String(key),
  position: key,
  contactId,
  facts: [{ property: 'jobtitle', label: 'Role', value: '部長' }],
  actions: [
    {
      property: 'webinar_survey_answered_at',
      label: 'Answered the webinar survey',
      value: null,
      at: '2026-11-20T00:00:00.000Z',
    },
  ],
  verdict: {
    salesReady: key === 1,
    grade: key === 1 ? 'A1' : 'C3',
    tier: key === 1 ? 'sales_ready' : 'nurture',
    score: 80 - key,
    criteria: [
      {
        kind: 'fit',
        id: 'role',
        label: 'Role',
        property: 'jobtitle',
        value: '部長',
        outcome: 'matched',
        points: 30,
      },
    ],
  },
});

const qualification = (contactId: string, tier: string): StoredQualification => ({
  contactId,
  tier,
  grade: 'B2',
  score: 40,
  stage: 'interest',
  route: 'marketing',
  tierReason: 'grade',
  reasons: '',
  agreementVersion: 1,
  qualifiedAt: null,
  followUpDue: null,
  slaStatus: null,
  recycledAt: null,
  capacityMonth: null,
  criteria: [{ kind: 'fit', id: 'role', points: 15 }],
});

/** Calibration quiz rounds, their leads and answers, and the contacts a round samples from. */
export function quizContract(make: () => Promise<TestDatabase>) {
  const store = useStore(make);

  it('numbers rounds per portal, lists them newest first and closes an open round once', async () => {
    const portal = freshPortal();
    const other = freshPortal();
    const round = { size: 2, agreementVersion: 3, startedAt: 1000, startedBy: '7' };
    expect(await store().transaction((tx) => tx.quizRounds.create(portal, round))).toBe(1);
    expect(
      await store().transaction((tx) => tx.quizRounds.create(portal, { ...round, startedAt: 2000 })),
    ).toBe(2);
    expect(await store().quizRounds.create(other, round)).toBe(1);
    expect((await store().quizRounds.list(portal, 10)).map((r) => r.id)).toEqual([2, 1]);
    expect(await store().quizRounds.close(portal, 1, '8', 3000)).toBe(true);
    expect(await store().quizRounds.close(portal, 1, '9', 4000)).toBe(false);
    expect(await store().quizRounds.get(portal, 1)).toEqual({
      id: 1,
      status: 'closed',
      size: 2,
      agreementVersion: 3,
      startedAt: 1000,
      startedBy: '7',
      closedAt: 3000,
      closedBy: '8',
    });
    expect((await store().quizRounds.latestClosed(portal, 3000))?.id).toBe(1);
    expect(await store().quizRounds.latestClosed(portal, 2999)).toBeUndefined();
    expect(await store().quizRounds.get(portal, 9)).toBeUndefined();
  });

  it('keeps a round’s leads with what participants see and the verdict snapshot', async () => {
    const portal = freshPortal();
    const leads = [lead(2, '202'), lead(1, '101')];
    await store().quizLeads.addMany(portal, 1, leads);
    expect(await store().quizLeads.list(portal, 1)).toEqual([leads[1], leads[0]]);
    expect(await store().quizLeads.list(portal, 2)).toEqual([]);
  });

  it('replaces a user’s answer to a lead, remembers their side and counts people per side', async () => {
    const portal = freshPortal();
    await store().quizAnswers.upsertMany(
      portal,
      1,
      [
        { userId: '7', side: 'marketing', leadKey: '1', callThisMonth: true },
        { userId: '7', side: 'marketing', leadKey: '2', callThisMonth: true },
        { userId: '8', side: 'sales', leadKey: '1', callThisMonth: false },
      ],
      10,
    );
    await store().quizAnswers.upsertMany(
      portal,
      1,
      [{ userId: '7', side: 'marketing', leadKey: '2', callThisMonth: false }],
      11,
    );
    expect(await store().quizAnswers.list(portal, 1)).toEqual([
      { userId: '7', side: 'marketing', leadKey: '1', callThisMonth: true },
      { userId: '8', side: 'sales', leadKey: '1', callThisMonth: false },
      { userId: '7', side: 'marketing', leadKey: '2', callThisMonth: false },
    ]);
    expect(await store().quizAnswers.sideOf(portal, 1, '8')).toBe('sales');
    expect(await store().quizAnswers.sideOf(portal, 1, '9')).toBeUndefined();
    expect(await store().quizAnswers.participants(portal, [1, 2])).toEqual(
      new Map([
        [1, { marketing: 1, sales: 1 }],
        [2, { marketing: 0, sales: 0 }],
      ]),
    );
  });

  it('samples from the contacts qualified most recently, never the disqualified', async () => {
    const portal = freshPortal();
    await store().contacts.upsertMany(
      portal,
      ['1', '2', '3'].map((id) => ({
        id,
        properties: { jobtitle: `t${id}` },
        company: id === '1' ? { industry: 'X' } : null,
      })),
      1,
    );
    await store().qualifications.upsertMany(portal, [qualification('1', 'nurture')], 100);
    await store().qualifications.upsertMany(portal, [qualification('2', 'sales_ready')], 200);
    await store().qualifications.upsertMany(portal, [qualification('3', 'disqualified')], 300);
    const recent = await store().quizCandidates.recent(portal, 10);
    expect(recent.map((c) => [c.contact.id, c.tier, c.updatedAt])).toEqual([
      ['2', 'sales_ready', 200],
      ['1', 'nurture', 100],
    ]);
    expect(recent[1]).toMatchObject({
      contact: { properties: { jobtitle: 't1' }, company: { industry: 'X' } },
      criteria: [{ kind: 'fit', id: 'role', points: 15 }],
    });
    expect(await store().quizCandidates.recent(portal, 1)).toHaveLength(1);
  });
}
