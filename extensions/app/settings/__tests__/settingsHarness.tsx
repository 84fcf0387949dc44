import { BarChart, Statistics, StatisticsItem, TableCell, TableRow, Text } from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { ReportTab } from '../components/ReportTab';
import { SettingsRoot } from '../components/SettingsRoot';
import { BACKEND_URL, fakeBackend } from '../../testing/fakeBackend';
import { recorded, recordedAgreements } from './settingsFixtures';

// How the settings tests render a page: the backend answering from recorded responses, a user's locale and the
// portal's time zone (Asia/Tokyo, the recordings'), and a longer wait than createRenderer's 1 s default (the whole
// suite runs in parallel workers).

export type Routes = Parameters<typeof fakeBackend>[0];

/** What the settings page reads on opening: the open draft, the properties, no job running, a connected portal. */
export const settingsPageRoutes: Routes = {
  'GET /api/agreements': recordedAgreements.draft2,
  'GET /api/properties': recorded.properties,
  'GET /api/jobs/current': recorded.jobsIdle,
  'GET /api/settings/connection': recorded.connectionConnected,
};

let restoreFetch: () => void = () => undefined;

/** Puts back the fetch the last render replaced (each test file: `afterEach(restoreBackend)`). */
export function restoreBackend(): void {
  restoreFetch();
  restoreFetch = () => undefined;
}

/** Remembers how to put back a fetch a test replaced by itself (a backend that never answers). */
export function replacedFetch(backend: { restore: () => void }): void {
  restoreFetch = backend.restore;
}

/**
 * `node` rendered as the settings extension, the backend answering `routes`; the user's `locale` when given, and
 * `BACKEND_URL` in the context's variables unless `backendUrl: false` (a component that is given its URL).
 */
export function renderWithBackend(
  node: JSX.Element,
  routes: Routes,
  options: { locale?: string; backendUrl?: boolean } = {},
) {
  const backend = fakeBackend(routes);
  restoreFetch = backend.restore;
  const renderer = createRenderer('settings');
  if (options.backendUrl !== false) renderer.mocks.context.variables = { BACKEND_URL };
  if (options.locale !== undefined) renderer.mocks.context.user.locale = options.locale;
  renderer.mocks.context.portal.timezone = 'Asia/Tokyo';
  renderer.render(node);
  const waitFor: typeof renderer.waitFor = (check, waitOptions) =>
    renderer.waitFor(check, { timeoutInMs: 5000, ...waitOptions });
  return { ...renderer, waitFor, calls: backend.calls };
}

/** The settings page for a user in `locale`, the backend answering from `settingsPageRoutes` plus `routes`. */
export function renderSettingsPage(routes: Routes = {}, locale = 'en-US') {
  return renderWithBackend(<SettingsRoot />, { ...settingsPageRoutes, ...routes }, { locale });
}

/** The report tab alone for a user in `locale`, given its backend URL; the backend answers `GET /api/report`. */
export function renderReportTab(answer: Routes[string], locale = 'en-US') {
  return renderWithBackend(
    <ReportTab baseUrl={BACKEND_URL} />,
    { 'GET /api/report': answer },
    { locale, backendUrl: false },
  );
}

/** Waits for the settings page to show its next step (the agreements loaded). */
export const settingsLoaded = (page: ReturnType<typeof renderSettingsPage>) =>
  page.waitFor(() => expect(page.maybeFindByTestId(Text, 'next-step')).not.toBeNull());

/** createRenderer's typing wants the handler; at runtime `trigger` passes the value. */
export const fire = (
  node: { trigger: (event: never, value?: never) => void },
  event: string,
  value?: unknown,
) => node.trigger(event as never, value as never);

/** A rendered report tab. */
export type ReportPage = ReturnType<typeof renderReportTab>;

/** Waits until the report is drawn (its handoff chart is there). */
export const reportShown = (page: ReportPage) =>
  page.waitFor(() => expect(page.maybeFindByTestId(BarChart, 'report-chart-handoff')).not.toBeNull(), {
    timeoutInMs: 5000,
  });

/** A Statistics block's figures by label. */
export const reportFigures = (page: ReportPage, testId: string) =>
  Object.fromEntries(
    page
      .findByTestId(Statistics, testId)
      .findAll(StatisticsItem)
      .map((item) => [item.props.label, item.props.number]),
  );

/** A table row's cell texts. */
export const reportRowText = (page: ReportPage, testId: string) =>
  page
    .findByTestId(TableRow, testId)
    .findAll(TableCell)
    .map((cell) => cell.text);
