import { monthlyReportSchema } from '../../../src/contracts/report';
import { createStore, type Store } from '../../../src/store/create-store';
import { openDatabase } from '../../../src/store/open-database';
import { latestQuizAgreement } from '../../../src/use-cases/quiz/latest-quiz-agreement';
import { loadReportInput } from '../../../src/use-cases/report/load-report-input';
import { monthlyReport } from '../../../src/use-cases/report/monthly-report';
import { ENGINE_FACTORIES, type TestDatabase } from '../../store/test-databases';
import { addActiveAgreement, addHistory, tokyo } from './seed-store';

const PORTAL = '88';

/*
 * The agreement's time zone is Asia/Tokyo (UTC+9). Its December ends at 2027-01-01 00:00 in Tokyo, which is
 * 2026-12-31 15:00 UTC: a month ending in UTC would put 00:30 on New Year's Day in Tokyo (15:30 UTC on the 31st)
 * into December.
 */
const LAST_DECEMBER_EVENING = '2026-12-31T23:30'; // 14:30 UTC on the 31st: December everywhere
const FIRST_JANUARY_NIGHT = '2027-01-01T00:30'; // 15:30 UTC on the 31st: January in Tokyo, December in UTC

async function seed(options: TestDatabase['options'], store: Store): Promise<void> {
  const { db } = openDatabase(options);
  await addActiveAgreement(db, PORTAL);
  await addHistory(db, PORTAL, [
    ...[
      { contact: 'dec', at: LAST_DECEMBER_EVENING },
      { contact: 'jan', at: FIRST_JANUARY_NIGHT },
    ].map(({ contact, at }) => ({
      contact,
      at,
      tier: 'sales_ready',
      grade: 'A1',
      reason: 'grade',
      qualified: at,
    })),
  ]);
  await db.destroy();
  // Quiz round 1 closed on New Year's Eve, round 2 just after midnight in Tokyo.
  for (const [closed, by] of [
    [LAST_DECEMBER_EVENING, '501'],
    [FIRST_JANUARY_NIGHT, '601'],
  ] as const) {
    const id = await store.transaction((tx) =>
      tx.quizRounds.create(PORTAL, {
        size: 4,
        agreementVersion: 1,
        startedAt: tokyo('2026-12-20T10:00'),
        startedBy: by,
      }),
    );
    await store.quizRounds.close(PORTAL, id, by, tokyo(closed));
  }
}

describe.each(ENGINE_FACTORIES)(
  'the report month ends in the agreement’s time zone, on %s',
  (_engine, make) => {
    let database: TestDatabase;
    let store: Store;

    beforeAll(async () => {
      database = await make();
      store = await createStore(database.options);
      await seed(database.options, store);
    });

    afterAll(async () => {
      await store.close();
      await database.drop();
    });

    const reportOf = async (month: string) => {
      const report = await monthlyReport(
        {
          source: (portal, m, now) => loadReportInput(store, portal, m, now),
          now: () => tokyo('2027-02-10T12:00'),
        },
        PORTAL,
        month,
      );
      const quiz = await latestQuizAgreement(store, PORTAL, month, report.timezone);
      return monthlyReportSchema.parse(quiz === null ? report : { ...report, quiz });
    };

    it('When a lead is handed at 23:30 on 31 December in Tokyo, then it counts in December, not January', async () => {
      const december = await reportOf('2026-12');
      expect(december.timezone).toBe('Asia/Tokyo');
      expect(december.handoff.handed).toBe(1);
      const january = await reportOf('2027-01');
      expect(january.handoff.handed).toBe(1);
      // The six-month trend of January shows December with its one lead and January with the other.
      expect(january.trend.slice(-2).map((p) => [p.month, p.handed])).toEqual([
        ['2026-12', 1],
        ['2027-01', 1],
      ]);
    });

    it('When a quiz round closes at 23:30 on 31 December in Tokyo, then December’s report shows it; one closed at 00:30 on 1 January is January’s', async () => {
      expect((await reportOf('2026-12')).quiz).toMatchObject({
        roundId: '1',
        closedAt: new Date(tokyo(LAST_DECEMBER_EVENING)).toISOString(),
      });
      expect((await reportOf('2027-01')).quiz).toMatchObject({
        roundId: '2',
        closedAt: new Date(tokyo(FIRST_JANUARY_NIGHT)).toISOString(),
      });
      // November had no closed round yet.
      expect((await reportOf('2026-11')).quiz).toBeUndefined();
    });
  },
);
