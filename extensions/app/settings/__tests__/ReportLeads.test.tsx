import { Statistics, Text } from '@hubspot/ui-extensions';
import { recordedReports } from './reportFixtures';
import {
  renderReportTab,
  restoreBackend,
  reportFigures as figures,
  reportRowText as rowText,
  reportShown as shown,
} from './settingsHarness';

// The report tab's HubSpot Leads section on answers recorded from the real report handler
// (test/http/routes/record-report-lead-responses.ts; November of test/use-cases/report/seed-leads.ts).

/** 2026-11-27 18:00 in Tokyo, the recordings' clock: the picker opens on November 2026. */
const NOW = Date.parse('2026-11-27T09:00:00Z');
beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(NOW));
afterEach(() => {
  restoreBackend();
  jest.restoreAllMocks();
});

const renderReport = renderReportTab;

describe("the report tab's HubSpot Leads", () => {
  it('When Lead Pact hands leads over as HubSpot Leads, then the month shows the Leads created, worked by a rep, disqualified and why, and converted', async () => {
    const page = renderReport(recordedReports.leads);
    await shown(page);
    expect(figures(page, 'report-leads-figures')).toEqual({
      Created: '4',
      'Worked by a rep': '3',
      Disqualified: '3',
      Converted: '1',
    });
    expect(rowText(page, 'report-leads-reasons-rejected')).toEqual(['Rejected by a rep', '1']);
    expect(rowText(page, 'report-leads-reasons-rep_in_hubspot')).toEqual([
      'Disqualified by a rep in HubSpot',
      '1',
    ]);
    expect(rowText(page, 'report-leads-reasons-sla_no_touch')).toEqual(['SLA: never touched', '1']);
    // The two Leads a rep moved on before their deadline are the month's touches within the SLA.
    expect(rowText(page, 'report-follow-up-total').slice(0, 3)).toEqual([
      'All reps',
      '4',
      '50% (2 / 4, 95%: 15%–85%)',
    ]);
  });

  it('In Japanese, then the section speaks Japanese', async () => {
    const page = renderReport(recordedReports.leads, 'ja-JP');
    await shown(page);
    expect(figures(page, 'report-leads-figures')).toEqual({
      作成: '4',
      営業が着手: '3',
      不適格: '3',
      '適格（コンバージョン）': '1',
    });
    expect(rowText(page, 'report-leads-reasons-rejected')).toEqual(['営業が却下', '1']);
    expect(rowText(page, 'report-leads-reasons-rep_in_hubspot')).toEqual(['営業が HubSpot で不適格に', '1']);
    expect(rowText(page, 'report-leads-reasons-sla_no_touch')).toEqual(['SLA：未接触', '1']);
  });

  it('When Leads are off, then the report has no Leads section', async () => {
    const page = renderReport(recordedReports.november);
    await shown(page);
    expect(page.maybeFindByTestId(Statistics, 'report-leads-figures')).toBeNull();
    expect(page.maybeFindByTestId(Text, 'report-leads-reasons')).toBeNull();
  });
});
