import { Option, type Command } from 'commander';
import { loadConfig } from '../../config';
import { AppError } from '../../domain/app-error';
import { createStore } from '../../store/create-store';
import { latestQuizAgreement } from '../../use-cases/quiz/latest-quiz-agreement';
import { loadReportInput } from '../../use-cases/report/load-report-input';
import { monthlyReport } from '../../use-cases/report/monthly-report';
import { reportCsv } from '../../use-cases/report/report-csv';
import { reportTable } from '../../use-cases/report/report-table';

const FORMATS = ['table', 'json', 'csv'] as const;
type Format = (typeof FORMATS)[number];

/** `lead-pact report --portal ID --month YYYY-MM [--format table|json|csv]`: the monthly report from the store. */
export function registerReportCommand(program: Command): void {
  program
    .command('report')
    .description('the monthly alignment report from the store (DATABASE_URL, else SQLite in DATA_DIR)')
    .requiredOption('--portal <id>', 'HubSpot portal id')
    .requiredOption('--month <YYYY-MM>', "calendar month, in the agreement's time zone")
    .addOption(new Option('--format <format>', 'output format').choices(FORMATS).default('table'))
    .action(async (options: { portal: string; month: string; format: Format }) => {
      if (!/^\d+$/.test(options.portal)) {
        throw new AppError(
          'invalid_input',
          `--portal expects a HubSpot portal id (digits), got "${options.portal}"`,
        );
      }
      const config = loadConfig();
      const store = await createStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      try {
        const source = (portal: string, month: string, now: number) =>
          loadReportInput(store, portal, month, now);
        const figures = await monthlyReport({ source, now: Date.now }, options.portal, options.month);
        // The latest closed calibration quiz round beside the month's figures, as GET /api/report has it.
        const quiz = await latestQuizAgreement(store, options.portal, options.month, figures.timezone);
        const report = quiz === null ? figures : { ...figures, quiz };
        const text = {
          table: reportTable,
          csv: reportCsv,
          json: (r: object) => `${JSON.stringify(r, null, 2)}\n`,
        };
        process.stdout.write(text[options.format](report));
      } finally {
        await store.close();
      }
    });
}
