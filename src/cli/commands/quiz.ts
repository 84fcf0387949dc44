import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { Option, type Command } from 'commander';
import { z } from 'zod';
import { hubspotMode, loadConfig } from '../../config';
import { portalGatewaysOf } from '../../composition/service-context';
import { configSecrets, createLogger } from '../../logger';
import { quizAnswerSchema, QUIZ_SIZE } from '../../contracts/quiz';
import { AppError } from '../../domain/app-error';
import { LABELS } from '../../domain/i18n';
import { createStore, type Store } from '../../store/create-store';
import { answerQuizRound } from '../../use-cases/quiz/answer-quiz-round';
import { closeQuizRound, quizResult } from '../../use-cases/quiz/quiz-result';
import { listQuizRounds } from '../../use-cases/quiz/quiz-round-view';
import { leadLine, quizResultText } from '../../use-cases/quiz/quiz-result-text';
import { blindLead, roundOf } from '../../use-cases/quiz/quiz-views';
import { startQuizRound } from '../../use-cases/quiz/start-quiz-round';
import { resultWithNames } from '../../use-cases/quiz/with-user-names';
import { ownerDirectory } from '../../use-cases/names/owner-names';
import type { QuizResult } from '../../contracts/quiz';

const SIDES = ['marketing', 'sales'] as const;
const LANGS = ['en', 'ja'] as const;
const answersFileSchema = z.union([
  z.array(quizAnswerSchema),
  z.object({ answers: z.array(quizAnswerSchema) }),
]);

const digits = (flag: string, value: string) => {
  if (!/^\d+$/.test(value)) throw new AppError('invalid_input', `${flag} expects digits, got "${value}"`);
  return value;
};

async function withStore<T>(fn: (store: Store) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const store = await createStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

async function printLeads(store: Store, portalId: string, id: number): Promise<void> {
  const round = await roundOf(store, portalId, id);
  process.stdout.write(`round ${round.id} (${round.status})\n`);
  for (const lead of await store.quizLeads.list(portalId, id))
    process.stdout.write(`${leadLine(blindLead(lead))}\n`);
}

/**
 * The result with participants by name when HubSpot is configured (the portal's owners, whose `userId` is the
 * HubSpot user who answered); otherwise, or when HubSpot cannot be read, they stay "User <id>".
 */
async function withNames(store: Store, portalId: string, result: QuizResult): Promise<QuizResult> {
  const config = loadConfig();
  if (hubspotMode(config) === 'not-configured') return result;
  const logger = createLogger({ level: 'warn', secrets: configSecrets(config), destination: process.stderr });
  const gateways = portalGatewaysOf({ config, logger, store });
  const { userNames } = ownerDirectory({ gatewayFor: gateways, logger });
  return resultWithNames(result, (ids) => userNames(portalId, ids));
}

/** Answers from a JSON file (`[{leadKey, callThisMonth}]` or `{answers: [...]}`), or asked lead by lead on the terminal. */
async function answersFrom(
  store: Store,
  portalId: string,
  id: number,
  file: string | undefined,
  lang: 'en' | 'ja',
) {
  if (file !== undefined) {
    const parsed = answersFileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!parsed.success)
      throw new AppError('invalid_input', `${file}: expected [{"leadKey": "1", "callThisMonth": true}, ...]`);
    return Array.isArray(parsed.data) ? parsed.data : parsed.data.answers;
  }
  const l = LABELS[lang];
  // Lines are read through the interface's iterator, which buffers them: piped answers are not lost between questions.
  const rl = createInterface({ input: process.stdin });
  const lines = rl[Symbol.asyncIterator]();
  const answers = [];
  try {
    process.stdout.write(`${l['quiz.question']}\n`);
    for (const lead of await store.quizLeads.list(portalId, id)) {
      let reply = '';
      while (!/^[yn]$/i.test(reply)) {
        process.stdout.write(`${leadLine(blindLead(lead))}\n  [y/n] `);
        const next = await lines.next();
        if (next.done === true)
          throw new AppError('invalid_input', 'The answers ended before the last lead.');
        reply = String(next.value).trim();
      }
      answers.push({ leadKey: lead.leadKey, callThisMonth: /^y$/i.test(reply) });
    }
  } finally {
    rl.close();
  }
  return answers;
}

/** `lead-pact quiz start|show|answer|result --portal ID`: the calibration quiz in a meeting room, from the store. */
export function registerQuizCommand(program: Command): void {
  const quiz = program
    .command('quiz')
    .description('the calibration quiz: marketing and sales answer the same blind leads');
  quiz
    .command('start')
    .description('start a round on recent leads and print them')
    .requiredOption('--portal <id>', 'HubSpot portal id')
    .requiredOption('--user <id>', 'HubSpot user id of who starts it')
    .option('--size <n>', `how many leads (${QUIZ_SIZE.min}-${QUIZ_SIZE.max})`, String(QUIZ_SIZE.default))
    .action(async (o: { portal: string; user: string; size: string }) => {
      const size = Number(digits('--size', o.size));
      await withStore(async (store) => {
        const ports = { store, clock: { now: Date.now } };
        const id = await startQuizRound(ports, {
          portalId: digits('--portal', o.portal),
          userId: o.user,
          size,
        });
        await printLeads(store, o.portal, id);
      });
    });
  quiz
    .command('show')
    .description('list the rounds, or print the blind leads of one')
    .requiredOption('--portal <id>', 'HubSpot portal id')
    .option('--round <n>', 'round id')
    .action(async (o: { portal: string; round?: string }) => {
      await withStore(async (store) => {
        if (o.round !== undefined)
          return printLeads(store, digits('--portal', o.portal), Number(digits('--round', o.round)));
        for (const r of (await listQuizRounds({ store }, digits('--portal', o.portal))).rounds) {
          const people = `${r.participants.marketing} marketing, ${r.participants.sales} sales`;
          process.stdout.write(
            `round ${r.id}\t${r.status}\t${r.startedAt.slice(0, 10)}\t${r.size} leads\t${people}\n`,
          );
        }
      });
    });
  quiz
    .command('answer')
    .description("record one person's answers, asked lead by lead or read from --answers FILE")
    .requiredOption('--portal <id>', 'HubSpot portal id')
    .requiredOption('--round <n>', 'round id')
    .requiredOption('--user <id>', 'HubSpot user id of who answers')
    .addOption(
      new Option('--side <side>', 'the side they answer for (must be a mapped team of that side)')
        .choices(SIDES)
        .makeOptionMandatory(),
    )
    .option('--answers <file>', 'JSON: [{"leadKey": "1", "callThisMonth": true}, ...]')
    .addOption(new Option('--lang <lang>', 'language of the questions').choices(LANGS).default('en'))
    .action(
      async (o: {
        portal: string;
        round: string;
        user: string;
        side: (typeof SIDES)[number];
        answers?: string;
        lang: 'en' | 'ja';
      }) => {
        const portalId = digits('--portal', o.portal);
        const id = Number(digits('--round', o.round));
        await withStore(async (store) => {
          const mapping = await store.installations.teamMapping(portalId);
          // The meeting room says which side a person answers for: their side's teams under the portal's mapping.
          const teams =
            mapping === null ? [] : o.side === 'marketing' ? mapping.marketingTeamIds : mapping.salesTeamIds;
          const ports = { store, clock: { now: Date.now }, userTeams: { teamIdsOf: async () => teams } };
          const answers = await answersFrom(store, portalId, id, o.answers, o.lang);
          await answerQuizRound(ports, { portalId, userId: o.user }, { id, answers, actingAs: o.side });
          process.stdout.write(`${answers.length} answers recorded for ${o.user} (${o.side})\n`);
        });
      },
    );
  quiz
    .command('result')
    .description('print the result of a closed round (--close closes it first)')
    .requiredOption('--portal <id>', 'HubSpot portal id')
    .requiredOption('--round <n>', 'round id')
    .option('--close', 'close the round first (its answers become final)')
    .option('--user <id>', 'HubSpot user id of who closes it', 'cli')
    .addOption(new Option('--lang <lang>', 'language').choices(LANGS).default('en'))
    .option('--json', 'the API answer as JSON')
    .action(
      async (o: {
        portal: string;
        round: string;
        close?: boolean;
        user: string;
        lang: 'en' | 'ja';
        json?: boolean;
      }) => {
        const portalId = digits('--portal', o.portal);
        const id = Number(digits('--round', o.round));
        await withStore(async (store) => {
          if (o.close)
            await closeQuizRound({ store, clock: { now: Date.now } }, { portalId, userId: o.user }, id);
          const result = await withNames(store, portalId, await quizResult({ store }, portalId, id));
          process.stdout.write(
            o.json ? `${JSON.stringify(result, null, 2)}\n` : quizResultText(result, o.lang),
          );
        });
      },
    );
}
