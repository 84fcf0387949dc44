import type { Command } from 'commander';
import type { Agreement } from '../../domain/agreement-schema';
import { loadAgreement } from '../contacts/load-agreement';

/** `lead-pact validate --agreement FILE`: a one-line summary (exit 0) or every problem with its path (exit 2). */
export function registerValidateCommand(program: Command): void {
  program
    .command('validate')
    .description('check an agreement file: schema and meaning, every problem with its JSON path')
    .requiredOption('--agreement <file>', 'agreement JSON (lead-pact/agreement@1)')
    .action(async (options: { agreement: string }) => {
      const agreement = await loadAgreement(options.agreement);
      process.stdout.write(`${options.agreement}: valid — ${summarise(agreement)}\n`);
    });
}

/** Keyword exceptions (`except`) of every rule, signal and disqualifier. */
function keywordExceptions(agreement: Agreement): number {
  const conditions = [
    ...agreement.fit.rules,
    ...agreement.intent.signals.map((s) => s.when),
    ...agreement.disqualify,
  ];
  return conditions.reduce(
    (n, c) => n + (c.keywords ?? []).reduce((m, g) => m + (g.except?.length ?? 0), 0),
    0,
  );
}

/**
 * "'FY2027 H1', 3 fit rules, 5 signals, 2 disqualifiers, sales-ready A1 A2 B1"; an agreement with keyword
 * exceptions also says how many ("..., 2 disqualifiers, 3 keyword exceptions, sales-ready ..."), and one that hands
 * leads over as HubSpot Leads says so last ("..., sales-ready A1 A2 B1, as HubSpot Leads").
 */
export function summarise(agreement: Agreement): string {
  const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
  const salesReady = agreement.handoff.salesReady.length ? agreement.handoff.salesReady.join(' ') : 'none';
  const exceptions = keywordExceptions(agreement);
  return [
    `'${agreement.name}'`,
    count(agreement.fit.rules.length, 'fit rule'),
    count(agreement.intent.signals.length, 'signal'),
    count(agreement.disqualify.length, 'disqualifier'),
    ...(exceptions > 0 ? [count(exceptions, 'keyword exception')] : []),
    `sales-ready ${salesReady}`,
    ...(agreement.handoff.createLeads ? ['as HubSpot Leads'] : []),
  ].join(', ');
}
