import type { Side } from '@lead-pact/contracts';
import { commonEn } from '../../shared/i18n/commonEn';

/** English text of the settings page. */
export const en = {
  ...commonEn,
  loading: 'Loading the agreement…',
  unreachableBody: 'The settings could not be loaded. Try again in a minute.',
  tabs: {
    agreement: 'Agreement',
    simulate: 'Simulate',
    approval: 'Approval',
    history: 'History',
    teams: 'Teams',
  },
  side: { marketing: 'Marketing', sales: 'Sales' } satisfies Record<Side, string>,
  // editor
  name: 'Agreement name',
  fitTitle: 'Fit rules (who they are)',
  signalsTitle: 'Intent signals (what they did)',
  disqualifyTitle: 'Disqualifiers',
  thresholdsTitle: 'Grade thresholds',
  salesReadyTitle: 'Sales-ready grades',
  salesReadyHelp:
    'Tick the grades handed to sales. Rows: fit A (best) to D; columns: intent 1 (hottest) to 4.',
  routingTitle: 'Routing per stage',
  slaTitle: 'Follow-up SLA',
  capacityTitle: 'Monthly capacity',
  id: 'Id',
  label: 'Label',
  property: 'Property',
  propertyPlaceholder: 'Choose a property',
  contactGroup: 'Contact',
  companyGroup: 'Company',
  operator: 'Condition',
  operators: {
    bands: 'Number bands',
    keywords: 'Keywords',
    in: 'Is one of',
    notIn: 'Is none of',
    equals: 'Equals',
    contains: 'Contains',
    endsWith: 'Ends with',
    known: 'Is known',
    between: 'Date between',
  },
  values: 'Values (comma-separated)',
  value: 'Value',
  min: 'At least',
  points: 'Points',
  words: 'Any of these words (comma-separated)',
  known: 'Has a value',
  from: 'From',
  to: 'To',
  addBand: 'Add band',
  addKeywords: 'Add keyword group',
  addRule: 'Add fit rule',
  addSignal: 'Add signal',
  addDisqualifier: 'Add disqualifier',
  remove: 'Remove',
  dateProperty: 'Date property (decay from)',
  halfLife: 'Half-life (days)',
  gradeAt: (grade: string) => `Fit ${grade} from (points)`,
  levelAt: (level: string) => `Intent ${level} from (points)`,
  firstTouch: 'First touch within (business days)',
  progressDays: 'Progress within (days) or recycle',
  timezone: 'Time zone',
  holidays: 'Holidays (YYYY-MM-DD, comma-separated)',
  capacityDefault: 'Leads per month (default)',
  capacityMonth: 'Month (YYYY-MM)',
  capacityLeads: 'Leads',
  addMonth: 'Add month',
  saveDraft: 'Save draft',
  saved: 'Draft saved',
  problems: (n: number) => (n === 1 ? 'The agreement has 1 problem' : `The agreement has ${n} problems`),
  saveFailed: 'The draft could not be saved',
  // simulate
  simulate: 'Simulate on stored contacts',
  simulating: 'Simulating…',
  evaluated: (n: string) => `${n} contacts evaluated`,
  draftSeries: 'Draft',
  activeSeries: 'Active',
  capacitySeries: 'Capacity',
  byGrade: 'Contacts per grade',
  byTier: 'Contacts per tier',
  perMonth: 'Sales-ready per month vs capacity',
  grade: 'Grade',
  tierAxis: 'Tier',
  month: 'Month',
  contacts: 'Contacts',
  simulateFailed: 'The simulation failed',
  // approval
  nextStep: {
    approve: (side: string, version: number) => `${side} must approve or send back version ${version}.`,
    revise: (side: string, version: number) => `${side} must revise version ${version} and propose it again.`,
    propose: (version: number | null) =>
      version === null
        ? 'Marketing or sales must propose a first agreement.'
        : `Version ${version} is a draft: either side may propose it.`,
    none: (version: number | null) => `Nothing to do: version ${version ?? '-'} is active.`,
  },
  someone: 'Either side',
  yourTurn: 'Your turn.',
  waitingFor: (side: string) => `Waiting for ${side}.`,
  noSide:
    'You are in neither a marketing nor a sales team, so you can read but not propose or approve. An admin maps teams under Teams.',
  actingAs: 'Act as',
  rationale: 'Why this change (the other side reads it)',
  propose: 'Propose',
  proposed: 'Proposed to the other side',
  approve: 'Approve',
  approved: 'Approved: this version is now active and contacts are being rescored',
  sendBack: 'Send back',
  sentBack: 'Sent back with your comment',
  comment: 'What should change',
  sentBackNote: (by: string, comment: string) => `Sent back by ${by}: ${comment}`,
  actionFailed: 'That did not work',
  openVersion: (version: number, status: string) => `Version ${version} (${status})`,
  status: {
    draft: 'draft',
    proposed: 'proposed',
    active: 'active',
    superseded: 'superseded',
    sent_back: 'sent back',
  },
  // history
  historyEmpty: 'No versions yet.',
  proposedBy: (who: string, side: string, when: string) => `Proposed by ${who} (${side}) on ${when}`,
  approvedBy: (who: string, when: string) => `Approved by ${who} on ${when}`,
  sentBackBy: (who: string, when: string) => `Sent back by ${who} on ${when}`,
  why: (text: string) => `Why: ${text}`,
  noChanges: 'No changes listed.',
  // teams
  teamsHelp:
    'Which HubSpot teams speak for marketing and which for sales. A proposal must be approved by the other side.',
  marketingTeams: 'Marketing teams',
  salesTeams: 'Sales teams',
  saveTeams: 'Save teams',
  teamsSaved: 'Teams saved',
  teamNameUnavailable: (id: string) => `${id} (name unavailable)`,
  teamNamesMissingTitle: 'Team names could not be read',
  teamNamesMissing: {
    missing_scope: (scope: string) =>
      `HubSpot has not granted Lead Pact the ${scope} scope, so teams are shown by their id. Reinstall the app to grant it.`,
    unreachable: () =>
      'HubSpot could not be reached for the team names, so teams are shown by their id. Open the page again in a few minutes.',
    not_configured: () => 'HubSpot is not connected, so teams are shown by their id.',
  },
  // jobs
  jobTitle: { rescore: 'Rescoring contacts', import: 'Importing contacts' },
  jobProgress: (done: string, total: string) => `${done} of ${total}`,
  jobEta: (minutes: string) => `about ${minutes} min left`,
  jobEtaUnknown: 'estimating time left…',
  // connection
  disconnectedTitle: 'Lead Pact is disconnected from this HubSpot account',
  disconnectedBody:
    'Contacts are not scored and nothing is written to HubSpot until an admin installs the app again in this account.',
  disconnectedWhy: (reason: string) => `Reason: ${reason}`,
  notInstalledTitle: 'Lead Pact is not connected to this HubSpot account yet',
  notInstalledBody:
    'An admin installs the app in this account (the install link in the README) to start scoring.',
  // properties
  propertiesFallbackTitle: 'Showing only the properties seen on stored contacts',
  propertiesFallbackBody:
    "HubSpot could not be asked for this account's property list. Open the page again in a few minutes for the full list.",
};

/** The shape every settings dictionary has. */
export type SettingsMessages = typeof en;
