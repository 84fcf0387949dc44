import { fillTemplate, LABELS, labelGroup } from '@lead-pact/labels';
import { commonEn } from '../../shared/i18n/commonEn';

/** English text of the lead quality card. */
export const en = {
  ...commonEn,
  loading: 'Loading lead quality…',
  unreachableBody: 'The lead quality service could not be reached. Try again in a minute.',
  notConnectedTitle: 'Connect Lead Pact',
  notConnectedBody:
    'Lead Pact is not connected to this HubSpot account yet. An admin connects it once for everyone.',
  connect: 'Connect',
  noAgreementTitle: 'No agreement yet',
  noAgreementBody:
    'Sales and marketing have not approved a lead agreement yet, so contacts are not scored. It is set up in the app settings.',
  notScoredTitle: 'Not scored yet',
  notScoredBody: (version: number) => `This contact has not been scored against agreement v${version} yet.`,
  scoreNow: 'Score now',
  gradeLabel: LABELS.en['term.grade'],
  scoreLabel: LABELS.en['term.score'],
  routeLabel: LABELS.en['term.route'],
  disqualifiedTitle: LABELS.en['tier.disqualified'],
  disqualifiedBody: (labels: string) => `The agreement excludes this contact: ${labels}.`,
  capacityNote:
    "Fits the handoff, but this month's sales capacity is used up, so it stays in nurture for now.",
  /** `route`: the full route's name, or null when the month's total was full; `used` of `capacity` places taken. */
  capacityHeld: (route: string | null, month: string, used: string, capacity: string) =>
    `Fits the handoff, but ${route ?? 'sales'} is full for ${month} (${used} of ${capacity}), so it stays in nurture for now.`,
  recycledNote: 'Recycled: sales let this lead go. It comes back only with a newer signal.',
  criteriaTitle: 'Why',
  outcome: labelGroup(LABELS.en, 'outcome'),
  seen: (value: string) => `Seen: ${value}`,
  noValue: LABELS.en['note.missing'],
  points: (points: string) => `${points} pts`,
  ageDays: (days: string) => `${days} days ago`,
  dateUnknown: `${LABELS.en['note.date_unknown']}, counted once at full weight`,
  unparsable: LABELS.en['note.unparsable'],
  keywordMatched: (keyword: string) => fillTemplate(LABELS.en['reason.keywordMatched'], { keyword }),
  keywordCancelled: (keyword: string, exception: string) =>
    fillTemplate(LABELS.en['reason.keywordCancelled'], { keyword, exception }),
  agreementLine: (version: number, name: string, date: string) =>
    `Agreement v${version} “${name}”, approved ${date}`,
  followUpTitle: 'Follow up by',
  dueIn: (d: number, h: number, m: number) => `due in ${d > 0 ? `${d} d ${h} h` : `${h} h ${m} min`}`,
  overdueBy: (d: number, h: number, m: number) => `${d > 0 ? `${d} d ${h} h` : `${h} h ${m} min`} overdue`,
  breachedTitle: 'Follow-up deadline missed',
  breachedBody: 'The agreed first touch did not happen in time. Call now or reject the lead.',
  slaMet: 'First touch made in time.',
  accept: 'Accept',
  reject: 'Reject',
  reasonLabel: 'Reason',
  reasonPlaceholder: 'Choose a reason',
  noteLabel: 'Note (optional)',
  confirmReject: 'Reject lead',
  cancel: 'Cancel',
  reason: labelGroup(LABELS.en, 'rejectReason'),
  acceptedAlert: 'Lead accepted',
  rejectedAlert: 'Lead rejected and recycled',
  verdictFailed: 'The verdict could not be saved',
  acceptedOn: (date: string) => `Accepted on ${date}`,
  rejectedOn: (reason: string, date: string) => `Rejected (${reason}) on ${date}`,
  scoreFailed: 'Scoring failed',
  leadHeading: (name: string) => `HubSpot Lead: ${name}`,
  leadStageLabel: 'Lead stage',
  leadOwnerLabel: 'Lead owner',
  leadUnassigned: 'Unassigned',
  /** HubSpot's default lead stages by id; a stage the portal renamed or added shows the portal's own label. */
  leadStage: {
    'new-stage-id': 'New',
    'attempting-stage-id': 'Attempting',
    'connected-stage-id': 'Connected',
    'qualified-stage-id': 'Qualified',
    'unqualified-stage-id': 'Disqualified',
  } as Record<string, string>,
  leadCreating: 'Being created in HubSpot…',
  leadMoving: (stage: string) => `Moving to ${stage} in HubSpot…`,
  leadDisqualifying: 'Being disqualified in HubSpot…',
  leadFailedTitle: 'HubSpot refused this Lead',
  leadDisqualified: (reason: string, note: string | null) =>
    `Disqualified: ${reason}${note ? ` (${note})` : ''}`,
  /** Why Lead Pact disqualified a Lead (the report's words too); another reason shows as it is stored. */
  leadReason: labelGroup(LABELS.en, 'leadReason') as Record<string, string>,
  leadDeleted: 'Deleted in HubSpot',
  openLead: 'Open the Lead',
  acceptMovesLead: (stage: string) => `Accept: the Lead moves to ${stage}`,
  rejectDisqualifiesLead: 'Reject: the Lead is disqualified with your reason',
};

/** The shape every card dictionary has. */
export type CardMessages = typeof en;
