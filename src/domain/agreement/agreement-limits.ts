/*
 * Maxima of a `lead-pact/agreement@1` document: far above any real agreement (examples/agreement.json has 3 rules, 5
 * signals, 2 disqualifiers, 10 keywords and weighs 3.4 KB), low enough that an abusive one cannot make a rescore, the
 * card or a simulation slow. A 10,000-rule agreement (970 KB) once took a rescore to 2.9 GB and the card p99 to 1.2 s.
 */

/** Each maximum, with the reason it is that number. Checked by checkLimits before anything else looks at a document. */
export const AGREEMENT_LIMITS = {
  /** Compact JSON of the whole document, UTF-8: 75x the example; a document at every other limit would be far bigger. */
  documentBytes: 256 * 1024,
  /** fit.rules: a rep can weigh a dozen criteria; past 50 nobody can review the points. */
  rules: 50,
  /** intent.signals: one per kind of conversion or activity the portal tracks. */
  signals: 50,
  /** disqualify: customers, competitors, partners, employees... */
  disqualifiers: 50,
  /** bands of one rule: numeric steps such as 20/100/1,000 employees. */
  bands: 20,
  /** keyword groups of one rule, each with its own points. */
  keywordGroups: 20,
  /** keywords of one rule, all groups together: job titles in two languages with their abbreviations. */
  keywordsPerRule: 500,
  /** keyword exceptions of one rule, all groups together (`except`: 部長代理, 課長補佐, "assistant to the manager"...):
   * the deputy and assistant titles of two languages fit several times; each is checked wherever its keyword occurs. */
  keywordExceptionsPerRule: 100,
  /** values of one list (`in`, `notIn`, `contains`, `endsWith`, a keyword group's `any`): HubSpot's longest standard
   * option lists (countries about 250, industries about 150) fit twice. */
  listValues: 500,
  /** handoff.salesReady: there are 16 grades, A1..D4. */
  salesReady: 16,
  /** routing: one route per stage (4); a few more so that misspelt stages are still named one by one. */
  routes: 20,
  /** sla.holidays: 25 days a year for 20 years; every one is checked for each day of a first-touch deadline. */
  holidays: 500,
  /** capacity.months: ten years of monthly capacities. */
  capacityMonths: 120,
  /** capacity.routes: one cap per route (3); a few more so that misspelt routes are still named one by one. Each
   * route's `months` has the same limit as the total's (capacityMonths). */
  capacityRoutes: 20,
  /** Rule, signal and disqualifier ids: a short slug such as `company-size`. */
  idChars: 64,
  /** The agreement's name and every label: a sentence shown on the card. */
  labelChars: 200,
  /** A property name (after an optional `company.`): HubSpot's internal names are far shorter. */
  propertyChars: 100,
  /** One keyword or keyword exception: a word or short phrase matched in a job title or event name. */
  keywordChars: 100,
  /** One value of `in`, `notIn`, `contains`, `endsWith` or `equals`: an option value, a domain or a phrase. */
  valueChars: 500,
  /** sla.timezone: IANA names are at most about 30 characters. */
  timezoneChars: 64,
  /** sla.firstTouchBusinessDays: a first touch weeks away is no SLA; the deadline is found day by day. */
  firstTouchBusinessDays: 60,
  /** sla.progressDays: ten years. */
  progressDays: 3650,
  /** intent.signals[].halfLifeDays: ten years; a signal this old has long stopped counting. */
  halfLifeDays: 3650,
  /** Problems reported at once: a person fixes the first ones first; a hostile document cannot make a huge answer. */
  problems: 100,
} as const;

export type AgreementLimit = keyof typeof AGREEMENT_LIMITS;
