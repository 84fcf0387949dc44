import { Command, CommanderError } from 'commander';
import { isAppError } from '../domain/app-error';
import { registerAgreementCommand } from './commands/agreement';
import { registerPortalCommand } from './commands/portal';
import { registerPropertiesCommand } from './commands/properties';
import { registerQuizCommand } from './commands/quiz';
import { registerReportCommand } from './commands/report';
import { registerServeCommand } from './commands/serve';
import { registerSimulateCommand } from './commands/simulate';
import { registerValidateCommand } from './commands/validate';
import { registerSetBackendUrlCommand } from './commands/set-backend-url';

const BAD_INPUT = 2;
const UNEXPECTED = 1;

const program = new Command('lead-pact')
  .description('Lead Pact: the lead agreement between sales and marketing, enforced in HubSpot')
  .exitOverride();

registerValidateCommand(program);
registerSimulateCommand(program);
registerReportCommand(program);
registerQuizCommand(program);
registerAgreementCommand(program);
registerServeCommand(program);
registerPortalCommand(program);
registerPropertiesCommand(program);
registerSetBackendUrlCommand(program);

/** AppError: its plain message, exit 2 for bad input; commander usage errors: exit 2; anything else: exit 1. */
function fail(error: unknown): void {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode === 0 ? 0 : BAD_INPUT;
  } else if (isAppError(error)) {
    process.stderr.write(`${error.message}\n`);
    process.exitCode = error.code === 'invalid_input' ? BAD_INPUT : UNEXPECTED;
  } else {
    const detail = process.env.LEAD_PACT_DEBUG ? (error as Error).stack : (error as Error).message;
    process.stderr.write(`lead-pact: unexpected error: ${detail ?? String(error)}\n`);
    process.exitCode = UNEXPECTED;
  }
}

/**
 * A reader that stops reading (`lead-pact agreement apply ... | head -1`) is not an error: the rest of the output is
 * dropped quietly and the command still finishes what it does (an apply half-done would be worse than unprinted).
 */
function ignoreClosedReader(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
  });
}

ignoreClosedReader(process.stdout);
ignoreClosedReader(process.stderr);
program.parseAsync(process.argv).catch(fail);
