import type { Command } from 'commander';
import { SingleBar } from 'cli-progress';
import { monthOf } from '../../domain/allocate-capacity';
import { createSimulation } from '../../domain/simulation/create-simulation';
import { renderSimulation } from '../../domain/simulation/render-simulation';
import { AppError } from '../../domain/app-error';
import { LOCALES, type Locale } from '../../domain/qualification';
import { isTimeZone } from '../../domain/agreement/check-agreement';
import type { ContactRow } from '../contacts/contact-row';
import { loadAgreement } from '../contacts/load-agreement';
import type { FileEncoding } from '../contacts/detect-encoding';
import { openContacts, type ContactSource } from '../contacts/open-contacts';

interface SimulateOptions {
  agreement: string;
  contacts: string;
  month?: string;
  now?: string;
  json?: boolean;
  map?: string;
  encoding?: string;
  tz?: string;
  properties?: string;
  lang?: string;
}

/** Problems kept for the report and the JSON output; the count goes on past this. */
const MAX_REPORTED_PROBLEMS = 100;

/** `lead-pact simulate`: what an agreement would do to a contacts export, streamed row by row. */
export function registerSimulateCommand(program: Command): void {
  program
    .command('simulate')
    .description('try an agreement on a contacts export (HubSpot CSV, JSON array or JSONL)')
    .requiredOption('--agreement <file>', 'agreement JSON (lead-pact/agreement@1)')
    .requiredOption('--contacts <file>', 'contacts: .csv (HubSpot export), .json (array) or .jsonl/.ndjson')
    .option(
      '--month <YYYY-MM>',
      'month whose capacity applies (default: the month of --now in the SLA time zone)',
    )
    .option('--now <ISO>', 'the moment to score at (default: now); signals decay up to it')
    .option('--json', 'print one JSON object instead of the text report')
    .option('--map <file>', 'JSON {"CSV header": "property"} for headers such as company columns')
    .option(
      '--encoding <name>',
      "the CSV file's encoding (default: detected: UTF-8 with or without BOM, UTF-16, Shift_JIS/CP932)",
    )
    .option(
      '--tz <zone>',
      "time zone of the CSV export's dates without an offset (default: the agreement's sla.timezone)",
    )
    .option(
      '--properties <file>',
      'the portal\'s property definitions ("lead-pact properties pull"): maps its labels and option labels',
    )
    .option('--lang <en|ja>', 'language of the recycling reasons in the text report (default: en)')
    .action(simulate);
}

async function simulate(options: SimulateOptions): Promise<void> {
  const agreement = await loadAgreement(options.agreement);
  const now = parseNow(options.now);
  const lang = parseLang(options.lang);
  const month = parseMonth(options.month) ?? monthOf(now, agreement.sla.timezone);
  const timeZone = exportTimeZone(options.tz, agreement.sla.timezone);
  const source = await openContacts(options.contacts, {
    ...(options.map ? { mapFile: options.map } : {}),
    ...(options.encoding ? { encoding: options.encoding } : {}),
    ...(options.properties ? { propertiesFile: options.properties } : {}),
    zone: timeZone.zone,
  });
  // Only a CSV export has dates without an offset; JSON and JSONL carry the API's ISO dates.
  const csv = source.encoding !== undefined;
  // UTF-8 is what everybody expects: only another encoding is worth a line.
  if (source.encoding && source.encoding.encoding !== 'utf-8') {
    process.stderr.write(`${options.contacts}: ${describeEncoding(source.encoding)}\n`);
  }
  const simulation = createSimulation(agreement, { month, now });
  const problems: { line: number; problem: string }[] = [];
  let skipped = 0;
  await eachRow(source, (row) => {
    if ('contact' in row) return void simulation.add(row.contact);
    skipped++;
    if (problems.length < MAX_REPORTED_PROBLEMS) problems.push(row);
  });
  for (const p of problems)
    process.stderr.write(`${options.contacts}: ${source.unit} ${p.line}: ${p.problem}\n`);
  if (skipped > problems.length) process.stderr.write(`... and ${skipped - problems.length} more\n`);
  const result = simulation.result();
  if (options.json) {
    const output = {
      file: options.contacts,
      ...(source.encoding ? { encoding: source.encoding } : {}),
      ...(csv ? { timeZone } : {}),
      now: new Date(now).toISOString(),
      ...result,
      skipped: { rows: skipped, problems },
    };
    process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
  } else {
    process.stdout.write(`${renderSimulation(result, lang)}\n`);
    if (csv) process.stdout.write(`\n${describeTimeZone(timeZone)}\n`);
  }
  if (skipped > 0) {
    throw new AppError(
      'invalid_input',
      `${skipped} ${skipped === 1 ? 'row was' : 'rows were'} skipped (see above)`,
    );
  }
}

async function eachRow(source: ContactSource, visit: (row: ContactRow) => void): Promise<void> {
  if (!process.stderr.isTTY) return forEach(source, visit);
  const bar = new SingleBar({
    stream: process.stderr,
    format: ' {bar} {percentage}% | {rows} rows | {eta}s left',
  });
  bar.start(Math.max(source.totalBytes, 1), 0, { rows: 0 });
  let rows = 0;
  try {
    await forEach(source, (row) => {
      visit(row);
      if (++rows % 2000 === 0) bar.update(source.bytesRead(), { rows });
    });
    bar.update(source.totalBytes, { rows });
  } finally {
    bar.stop();
  }
}

async function forEach(source: ContactSource, visit: (row: ContactRow) => void): Promise<void> {
  for await (const row of source.rows) visit(row);
}

const ENCODING_NAMES: Readonly<Record<string, string>> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  cp932: 'Shift_JIS (CP932)',
};

function describeEncoding({ encoding, how }: FileEncoding): string {
  return `read as ${ENCODING_NAMES[encoding] ?? encoding} (${how})`;
}

/** The zone an export's offset-less dates are read in, and where it came from (the output names both). */
interface ExportTimeZone {
  zone: string;
  from: '--tz' | 'sla.timezone';
}

function exportTimeZone(tz: string | undefined, slaZone: string): ExportTimeZone {
  if (tz === undefined) return { zone: slaZone, from: 'sla.timezone' };
  if (!isTimeZone(tz)) {
    throw new AppError(
      'invalid_input',
      `--tz: unknown time zone "${tz}" (an IANA name such as Asia/Tokyo or America/New_York)`,
    );
  }
  return { zone: tz, from: '--tz' };
}

function describeTimeZone({ zone, from }: ExportTimeZone): string {
  const why = from === '--tz' ? '--tz' : "the agreement's sla.timezone; another with --tz";
  return `Export dates without an offset were read in ${zone} (${why}).`;
}

function parseNow(text: string | undefined): number {
  if (text === undefined) return Date.now();
  const now = Date.parse(text);
  if (Number.isNaN(now))
    throw new AppError('invalid_input', `--now: expected an ISO date or timestamp, got "${text}"`);
  return now;
}

function parseMonth(text: string | undefined): string | undefined {
  if (text === undefined || /^\d{4}-(0[1-9]|1[0-2])$/.test(text)) return text;
  throw new AppError('invalid_input', `--month: expected YYYY-MM, got "${text}"`);
}

function parseLang(text: string | undefined): Locale {
  if (text === undefined) return 'en';
  if ((LOCALES as readonly string[]).includes(text)) return text as Locale;
  throw new AppError('invalid_input', `--lang: expected ${LOCALES.join(' or ')}, got "${text}"`);
}
