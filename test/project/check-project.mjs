// Runs HubSpot's own project parser on a project directory as `hs project upload --profile <name>` does, validation
// ON, offline, and prints {problems, ir, profile} as JSON. An ES module on purpose: @hubspot/project-parsing-lib
// ships ESM only, so Jest runs this with `node` in a child process (test/project/checks/check-project.ts).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { http } from '@hubspot/local-dev-lib/http';
import { Components } from '@hubspot/project-parsing-lib/constants';
import { parseProjectConfig } from '@hubspot/project-parsing-lib/projects';
import { mapToInternalType } from '@hubspot/project-parsing-lib/transform';
import { isTranslationError, translate } from '@hubspot/project-parsing-lib/translate';
import {
  collectFileDependencies,
  findAndParsePackageJsonFiles,
} from '@hubspot/project-parsing-lib/workspaces';

const [projectDir = '.', profile = 'production'] = process.argv.slice(2);

/** Any account id: the offline schema stand-in below answers for every account. */
const OFFLINE_ACCOUNT_ID = 1;
const SCHEMA_PATH = 'project-components-external/project-schemas/v3/';

/**
 * With validation on, the parser downloads HubSpot's component JSON schemas (an authenticated call: it throws
 * "Account id is required to fetch component schemas" without an account, "Failed to fetch component schemas"
 * offline). Here every component type the parser knows gets an accept-all schema, so everything else the parser
 * validates runs as in the CLI: platform version, uid, top-level fields, folder per component type, the app
 * component every feature needs, one of each singular component. The config fields those schemas would check are
 * checked by test/project/checks/ (card, app, webhooks, workflow action) instead.
 */
function serveAcceptAllSchemas(asked) {
  const schemas = Object.fromEntries(Object.keys(Components).map((type) => [mapToInternalType(type), {}]));
  http.get = async (_accountId, options) => {
    if (!options?.url?.startsWith(SCHEMA_PATH))
      throw new Error(`check-project: the parser asked for ${options?.url}; only schemas are served offline`);
    asked.push(options.url);
    return { data: schemas };
  };
}

/** Every `*-hsmeta.json` file under dir (node_modules skipped), relative to dir. */
function metaFiles(dir, base = dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : metaFiles(full, base);
    return entry.name.endsWith('-hsmeta.json') ? [path.relative(base, full)] : [];
  });
}

function readProfile(srcDir) {
  try {
    return JSON.parse(readFileSync(path.join(srcDir, `hsprofile.${profile}.json`), 'utf8'));
  } catch {
    return null;
  }
}

/** The parser's verdict with validation on; on a validation error, the IR again without it so later checks run. */
async function translateValidated(context, problems) {
  const asked = [];
  serveAcceptAllSchemas(asked);
  try {
    const result = await translate(context, { profile });
    if (asked.length === 0) problems.push('check-project: the parser validated without asking for schemas');
    return result;
  } catch (error) {
    if (!isTranslationError(error)) throw error;
    for (const { file, errors } of error.errors) for (const each of errors) problems.push(`${file}: ${each}`);
    return translate(context, { profile, skipValidation: true }).catch(() => undefined);
  }
}

async function check() {
  const problems = [];
  const config = parseProjectConfig(projectDir);
  const srcDir = path.join(projectDir, config.srcDir);
  const accountId = readProfile(srcDir)?.accountId;
  const context = {
    projectSourceDir: srcDir,
    platformVersion: config.platformVersion,
    accountId: Number.isSafeInteger(accountId) && accountId > 0 ? accountId : OFFLINE_ACCOUNT_ID,
  };
  const result = await translateValidated(context, problems);
  const skipped = result?.skippedHsMetaFiles ?? [];
  for (const file of skipped) problems.push(`skipped (wrong name or folder): ${file}`);
  const nodes = Object.values(result?.intermediateRepresentation.intermediateNodesIndexedByUid ?? {});
  const parsed = new Set(nodes.map((node) => node.metaFilePath));
  for (const file of result ? metaFiles(srcDir) : []) {
    if (!parsed.has(file) && !skipped.includes(file)) problems.push(`not parsed (invalid?): ${file}`);
  }
  for (const node of nodes) {
    const entrypoint = node.config?.entrypoint;
    if (entrypoint && !existsSync(path.join(srcDir, entrypoint))) {
      problems.push(`${node.metaFilePath}: entrypoint ${entrypoint} does not exist`);
    }
    const leftOver = JSON.stringify(node.config).match(/\$\{[^}]*\}/);
    if (leftOver) problems.push(`${node.metaFilePath}: ${leftOver[0]} was not substituted`);
  }
  // The contracts package is a `file:` dependency outside srcDir: the CLI uploads it only if it resolves.
  await collectFileDependencies(await findAndParsePackageJsonFiles(srcDir)).catch((error) =>
    problems.push(`file: dependency: ${error.message}`),
  );
  return { problems, ir: result?.intermediateRepresentation, profile: readProfile(srcDir) };
}

check().then(
  (result) => process.stdout.write(JSON.stringify(result)),
  (error) => process.stdout.write(JSON.stringify({ problems: [`parser error: ${error.message}`] })),
);
