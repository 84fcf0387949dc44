import { quizResultSchema, type QuizResult } from '../../../src/contracts/quiz';
import { buildQuizResult } from '../../../src/domain/quiz/build-quiz-result';
import type { QuizAnswerRecord, QuizLead, Side } from '../../../src/domain/quiz/quiz-types';
import type { CriterionResult } from '../../../src/domain/qualification';
import { quizResultText } from '../../../src/use-cases/quiz/quiz-result-text';
import { exampleAgreement } from '../../domain/example-agreement';

const agreement = exampleAgreement();
const c = (kind: CriterionResult['kind'], id: string, label: string, points: number): CriterionResult => ({
  kind,
  id,
  label,
  property: id,
  value: 'x',
  outcome: 'matched',
  points,
});
const big = [c('fit', 'company-size', 'Company size', 40), c('fit', 'role', 'Role', 30)];
const quote = (n: number): QuizLead => ({
  leadKey: String(n),
  position: n,
  contactId: String(100 + n),
  facts: [
    { property: 'jobtitle', label: 'Role', value: `部長 ${n}` },
    { property: 'company.numberofemployees', label: 'Company size', value: '1200' },
  ],
  actions: [
    {
      property: 'recent_conversion_event_name',
      label: "Clicked 'get a quote'",
      value: '見積',
      at: '2026-11-24T00:00:00.000Z',
    },
  ],
  verdict: {
    salesReady: true,
    grade: 'A2',
    tier: 'sales_ready',
    score: 78,
    criteria: [...big, c('signal', 'quote-click', "Clicked 'get a quote'", 51.7)],
  },
});
const leads = [1, 2, 3].map(quote);
const says = (userId: string, side: Side, yes: number[]): QuizAnswerRecord[] =>
  [1, 2, 3].map((k) => ({ userId, side, leadKey: String(k), callThisMonth: yes.includes(k) }));

function resultOf(answers: QuizAnswerRecord[]): QuizResult {
  const stats = buildQuizResult(leads, answers, agreement);
  const round = {
    id: '3',
    status: 'closed' as const,
    size: 3,
    agreementVersion: 2,
    startedAt: '2026-11-27T09:00:00.000Z',
    startedBy: '501',
    closedAt: '2026-11-27T10:00:00.000Z',
    closedBy: '601',
    participants: { marketing: 1, sales: 1 },
  };
  const revealed = stats.leads.map(({ verdict, ...lead }) => ({ ...lead, verdict }));
  return quizResultSchema.parse({ ...stats, round, leads: revealed });
}

describe('the quiz result as text for a meeting room', () => {
  // The essay's quiz: the marketer circles all three leads, the salesperson one.
  const result = resultOf([...says('501', 'marketing', [1, 2, 3]), ...says('601', 'sales', [3])]);

  it('prints leans, agreement with kappa, the disagreements and the suggestions in English', () => {
    const text = quizResultText(result, 'en');
    expect(text).toContain('Calibration quiz, round 3 (closed): 3 leads, agreement version 2');
    expect(text).toContain('████████████████████ Marketing: yes to 100% of answers (1 person)');
    expect(text).toContain('User 501 (Marketing): yes to 3 of 3 (100%)');
    expect(text).toContain('Same answer on 1 of 3 leads (33.3%)');
    expect(text).toContain("Cohen's kappa 0.00 (95% interval 0.00 to 0.00)");
    expect(text).toContain("#1 部長 1 · 1200 | Clicked 'get a quote' (2026-11-24)");
    expect(text).toContain(
      'Marketing: Yes, call · Sales: No · The agreement says Sales-ready (A2, score 78)',
    );
    expect(text).toContain(
      '1. Sales said no to 2 of 3 sales-ready leads scored mainly on "Clicked \'get a quote\'"',
    );
  });

  it('prints the same in Japanese', () => {
    const text = quizResultText(result, 'ja');
    expect(text).toContain('キャリブレーションクイズ 第3回（締め切り済み）：リード3件・合意内容 v2');
    expect(text).toContain('3件中1件で回答が一致（33.3%）');
    expect(text).toContain('コーエンのκ係数 0.00（95%信頼区間 0.00～0.00）');
    expect(text).toContain('マーケティング：はい（アプローチする） · 営業：いいえ');
  });

  it('names the participants HubSpot knows, says "N people" for a side of several, and Japanese is unchanged', () => {
    const answers = [
      ...says('501', 'marketing', [1, 2, 3]),
      ...says('502', 'marketing', [1]),
      ...says('601', 'sales', [3]),
    ];
    const named = resultOf(answers);
    named.participants = named.participants.map((p) => ({
      ...p,
      name: p.userId === '501' ? 'Aiko Mori' : p.userId === '601' ? 'Kenji Ito' : null,
    }));
    const en = quizResultText(named, 'en');
    expect(en).toContain('Marketing: yes to 66.7% of answers (2 people)');
    expect(en).toContain('Sales: yes to 33.3% of answers (1 person)');
    expect(en).toContain('Aiko Mori (Marketing): yes to 3 of 3 (100%)');
    expect(en).toContain('User 502 (Marketing): yes to 1 of 3 (33.3%)');
    const ja = quizResultText(named, 'ja');
    expect(ja).toContain('マーケティング：回答の66.7%が「はい」（2名）');
    expect(ja).toContain('営業：回答の33.3%が「はい」（1名）');
    expect(ja).toContain('Kenji Ito（営業）：3件中1件に「はい」（33.3%）');
    expect(ja).toContain('ユーザー 502（マーケティング）');
  });

  it('says when only one side answered', () => {
    const text = quizResultText(resultOf(says('601', 'sales', [3])), 'en');
    expect(text).toContain('Only Sales answered: the sides cannot be compared yet.');
    expect(text).not.toContain('Leads the sides disagree on');
  });
});
