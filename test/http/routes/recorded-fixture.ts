/** Where recorded answers are stored, per UI area (kept apart from record-responses.ts, which loads nock). */
export const FIXTURE_DIRS = {
  card: 'extensions/app/cards/__tests__/fixtures',
  settings: 'extensions/app/settings/__tests__/fixtures',
} as const;

/** One recorded answer: the UI area it feeds, a file name, the HTTP status and body the real handlers gave. */
export interface Recorded {
  area: keyof typeof FIXTURE_DIRS;
  name: string;
  status: number;
  body: unknown;
}
