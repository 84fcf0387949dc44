import { LABELS, fillTemplate } from '@lead-pact/labels';

const L = LABELS.en;

/** English text of the calibration quiz tab (domain words from the one dictionary, @lead-pact/labels). */
export const quizEn = {
  tab: 'Calibration quiz',
  question: L['quiz.question'],
  yes: L['quiz.yes'],
  no: L['quiz.no'],
  sideName: { marketing: L['quiz.side.marketing'], sales: L['quiz.side.sales'] },
  intro:
    'Marketing and sales answer the same question for the same recent leads, without seeing their grade. The result shows how far apart the two sides are, and which edits to the agreement would close the gap.',
  loading: 'Loading the quiz…',
  failedTitle: 'The quiz could not be loaded',
  failedBody: 'Lead Pact did not answer. Try again in a minute.',
  retry: 'Try again',
  // starting and listing rounds
  size: 'Leads in a new round',
  start: 'Start a round',
  started: 'Round started: everyone in marketing and sales can answer it now',
  startFailed: 'The round could not be started',
  roundsTitle: 'Rounds',
  roundsEmpty: 'No round yet. Either side can start one.',
  startedAt: 'Started',
  startedBy: 'Started by',
  status: 'Status',
  leads: 'Leads',
  answered: 'Answered',
  roundStatus: { open: 'Open', closed: 'Closed' },
  answeredCounts: (marketing: string, sales: string) => `Marketing ${marketing} · Sales ${sales}`,
  user: (id: string) => fillTemplate(L['quiz.user'], { id }),
  answer: 'Answer',
  seeResult: 'See the result',
  back: 'Back to the rounds',
  roundTitle: (id: string, when: string) => `Round ${id}, started ${when}`,
  // answering
  blindNote:
    "The grade, score and tier stay hidden until the round is closed: answer from the lead's facts and actions alone.",
  show: 'Show the leads',
  oneByOne: 'One by one',
  asTable: 'As a table',
  leadOf: (n: number, total: number) => `Lead ${n} of ${total}`,
  lead: (n: number) => `Lead ${n}`,
  facts: 'Who they are',
  actions: 'What they did',
  noFacts: 'Nothing known',
  noActions: 'No action recorded',
  noValue: 'no value',
  dateUnknown: 'date unknown',
  previous: 'Previous',
  next: 'Next',
  progress: (answered: number, total: number) => `You answered ${answered} of ${total} leads.`,
  answerAs: 'Answer for',
  answeringAs: (side: string) => `Your answers count for ${side}.`,
  submit: 'Submit answers',
  submitted: (answered: number, total: number) => `Answers saved (${answered} of ${total})`,
  submitFailed: 'The answers could not be saved',
  noTeamTitle: 'You cannot answer this round',
  noTeamBody:
    'Your HubSpot teams are on neither the marketing nor the sales side, so your answers would count for no one. You can still read the leads, close the round and see its result. A HubSpot super admin maps teams under Teams.',
  close: 'Close the round',
  closeHelp:
    'Anyone can close the round. Its result is then final; if only one side has answered, the result says so.',
  closed: 'Round closed',
  closeFailed: 'The round could not be closed',
  // result (headings and sentences the CLI prints too come from the dictionary)
  oneSided: (side: string) => fillTemplate(L['quiz.oneSided'], { side }),
  leanTitle: 'Lean: the share of leads each person would have sales call',
  leanChart: 'Lean (% of answers that were yes)',
  leanAxis: '% yes',
  who: 'Who',
  series: 'Side',
  sideAll: (side: string) => `${side} (all)`,
  participant: 'Participant',
  side: 'Side',
  lean: (name: string, yes: string, answered: string, percent: string) =>
    fillTemplate(L['quiz.lean'], { name, yes, answered, percent }),
  /** `participants` as written; `count` picks "1 person" or "N people". */
  sideLean: (side: string, percent: string, participants: string, count: number) =>
    fillTemplate(L[count === 1 ? 'quiz.sideLeanOne' : 'quiz.sideLean'], { side, percent, participants }),
  personOnSide: (name: string, side: string) => `${name} (${side})`,
  noSideAnswers: (side: string) => `${side}: no answers`,
  agreementTitle: 'Agreement',
  betweenSides: L['quiz.betweenSides'],
  vsVerdict: (side: string) => fillTemplate(L['quiz.vsVerdict'], { side }),
  agreementChart: 'Same answer (%)',
  pair: 'Compared',
  sameAnswer: 'Same answer (%)',
  percent: (agreed: string, leads: string, percent: string) =>
    fillTemplate(L['quiz.percent'], { agreed, leads, percent }),
  kappa: (kappa: string, low: string, high: string) => fillTemplate(L['quiz.kappa'], { kappa, low, high }),
  kappaNoInterval: (kappa: string) => `Cohen's kappa ${kappa} (too few leads for an interval)`,
  kappaUndefined: L['quiz.kappaUndefined'],
  notCompared: 'No lead has an answer from both to compare.',
  kappaHelp:
    "Kappa discounts the agreement chance alone would give: 0 is no better than chance, 1 is full agreement. A lead on which a side's members split evenly is left out.",
  disagreementsTitle: L['quiz.disagreements'],
  oneSidedDisagreementsTitle: (side: string) => `Leads where ${side} disagrees with the agreement`,
  noDisagreements: L['quiz.noDisagreements'],
  noneAgainstVerdict: 'The answers match the agreement on every lead.',
  sideSaid: (side: string, answer: string, yes: string, no: string) =>
    `${side}: ${answer} (${yes} yes, ${no} no)`,
  tie: L['quiz.tie'],
  said: { yes: 'call', no: 'do not call' },
  factLine: (label: string, value: string) => `${label}: ${value}`,
  noAnswer: 'no answer',
  verdict: (verdict: string, grade: string, score: string) =>
    fillTemplate(L['quiz.verdict'], { verdict, grade, score }),
  drivers: L['quiz.drivers'],
  driver: (label: string, points: string, value: string) => `${label}: ${points} points (${value})`,
  noDrivers: L['reason.noCriteria'],
  suggestionsTitle: L['quiz.suggestions'],
  noSuggestions: L['quiz.noSuggestions'],
  applyHowTo:
    'Applying an edit only writes it into the draft. Nothing changes until the draft is proposed under Approval and the other side approves it, as any change.',
  applyToDraft: 'Apply to draft',
  applied: (version: number) =>
    `Saved into draft version ${version}. Propose it under Approval; the other side approves it as any change.`,
  applyFailed: 'The edit could not be applied to the draft',
  // the monthly report's line on the latest closed round
  reportTitle: 'Calibration quiz',
  reportRound: (id: string, when: string, leads: string) => `Round ${id}, closed ${when}, ${leads} leads`,
  reportPercent: (percent: string) => `Same answer between marketing and sales: ${percent}%`,
  reportNone: 'No quiz round was closed by the end of this month.',
  reportOneSided: 'Only one side answered that round, so the sides could not be compared.',
};

/** The shape of the quiz tab's text in every language. */
export type QuizMessages = typeof quizEn;
