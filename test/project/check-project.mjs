// Runs HubSpot's own project parser on a project directory and prints {problems, ir} as JSON.
// An ES module on purpose: @hubspot/project-parsing-lib ships ESM only, so Jest runs this with `node` in a child process.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseProjectConfig } from '@hubspot/project-parsing-lib/projects';
import { translate } from '@hubspot/project-parsing-lib/translate';
import { validateUid } from '@hubspot/project-parsing-lib/uid';
import {
  collectFileDependencies,
  findAndParsePackageJsonFiles,
} from '@hubspot/project-parsing-lib/workspaces';

const [projectDir = '.', profile = 'production'] = process.argv.slice(2);

/** Every `*-hsmeta.json` file under dir (node_modules skipped), relative to dir. */
function metaFiles(dir, base = dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : metaFiles(full, base);
    return entry.name.endsWith('-hsmeta.json') ? [path.relative(base, full)] : [];
  });
}

async function check() {
  const problems = [];
  const config = parseProjectConfig(projectDir);
  const srcDir = path.join(projectDir, config.srcDir);
  const { intermediateRepresentation: ir, skippedHsMetaFiles } = await translate(
    { projectSourceDir: srcDir, platformVersion: config.platformVersion },
    { skipValidation: true, profile },
  );
  for (const file of skippedHsMetaFiles) problems.push(`skipped (wrong name or folder): ${file}`);
  const nodes = Object.values(ir.intermediateNodesIndexedByUid);
  const parsed = new Set(nodes.map((node) => node.metaFilePath));
  for (const file of metaFiles(srcDir)) {
    if (!parsed.has(file) && !skippedHsMetaFiles.includes(file))
      problems.push(`not parsed (invalid?): ${file}`);
  }
  for (const node of nodes) {
    const uidError = validateUid(node.uid);
    if (uidError) problems.push(`${node.metaFilePath}: ${uidError}`);
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
  return {
    problems,
    ir,
    profileFile: JSON.parse(readFileSync(path.join(srcDir, `hsprofile.${profile}.json`), 'utf8')),
  };
}

check().then(
  (result) => process.stdout.write(JSON.stringify(result)),
  (error) => process.stdout.write(JSON.stringify({ problems: [`parser error: ${error.message}`] })),
);
