import path from 'node:path';
import { ESLint } from 'eslint';

/**
 * The layer rules of eslint.layers.js, proved on probe files at several depths: each forbidden import is reported
 * as an error, and the allowed import beside it is not (so a rule that fires on everything fails too).
 */
const ROOT = path.resolve(__dirname, '../..');
// The project's own config, handed over as an object: ESLint's loader would `import()` it, which Jest's VM refuses.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require(path.join(ROOT, 'eslint.config.js'));
const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: true, overrideConfig: config });

async function layerErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return (result?.messages ?? [])
    .filter((m) => m.severity === 2 && /no-restricted-(imports|globals)/.test(m.ruleId ?? ''))
    .map((m) => m.message);
}

const use = (name: string) => `\nexport const probe = ${name};\n`;

describe('the domain imports nothing of ours outside the domain, at any depth', () => {
  it.each([
    ['src/domain/probe.ts', "import { rootContext } from '../store/db-context';"],
    ['src/domain/engine/probe.ts', "import { rootContext } from '../../store/db-context';"],
    ['src/domain/report/deep/probe.ts', "import { rootContext } from '../../../store/db-context';"],
    ['src/domain/engine/probe.ts', "import { rootContext } from '../../use-cases/ports/transactional';"],
    ['src/domain/engine/probe.ts', "import { rootContext } from '../../hubspot/oauth';"],
    ['src/domain/engine/probe.ts', "import { rootContext } from '../../config';"],
    ['src/domain/engine/probe.ts', "import { rootContext } from 'kysely';"],
  ])('%s: %s is an error', async (file, line) => {
    expect(await layerErrors(file, line + use('rootContext'))).toHaveLength(1);
  });

  it('reading process.env in the domain is an error', async () => {
    expect(
      await layerErrors('src/domain/engine/probe.ts', 'export const probe = process.env.X;\n'),
    ).toHaveLength(1);
  });

  it('an import inside the domain is allowed', async () => {
    const code = "import { qualify } from '../qualify';" + use('qualify');
    expect(await layerErrors('src/domain/engine/probe.ts', code)).toEqual([]);
  });
});

describe('use-cases depend on their ports, never on the store, routes or a HubSpot implementation', () => {
  it.each([
    ['src/use-cases/card/probe.ts', "import { createStore } from '../../store/create-store';"],
    ['src/use-cases/card/probe.ts', "import type { Store } from '../../store/create-store';"],
    ['src/use-cases/card/deep/probe.ts', "import type { DbContext } from '../../../store/db-context';"],
    ['src/use-cases/card/probe.ts', "import { cardRouter } from '../../http/routes/card-router';"],
    [
      'src/use-cases/card/probe.ts',
      "import { createApiClientGateway } from '../../hubspot/api-client-gateway';",
    ],
    ['src/use-cases/card/probe.ts', "import { sql } from 'kysely';"],
  ])('%s: %s is an error', async (file, line) => {
    const name = line
      .match(/\{ (?:type )?(\w+) \}|import type \{ (\w+) \}/)!
      .slice(1)
      .find(Boolean)!;
    expect(await layerErrors(file, line + use(name))).toHaveLength(1);
  });

  it('a type-only import of the HubSpot gateway and an import of the domain are allowed', async () => {
    const code =
      "import type { HubSpotGateway } from '../../hubspot/hubspot-gateway';\n" +
      "import { qualify } from '../../domain/qualify';\n" +
      'export const probe = (g: HubSpotGateway) => [g, qualify];\n';
    expect(await layerErrors('src/use-cases/card/probe.ts', code)).toEqual([]);
  });
});

describe('routes never import the store', () => {
  it.each([
    ['src/http/routes/probe.ts', "import type { Store } from '../../store/create-store';"],
    ['src/http/routes/deep/probe.ts', "import { createStore } from '../../../store/create-store';"],
    ['src/http/routes/probe.ts', "import { sql } from 'kysely';"],
  ])('%s: %s is an error', async (file, line) => {
    const name = line.match(/\{ (\w+) \}/)![1]!;
    expect(await layerErrors(file, line + use(name))).toHaveLength(1);
  });

  it('a route may import a use-case', async () => {
    const code =
      "import { simulatePortal } from '../../use-cases/simulate/simulate-portal';" + use('simulatePortal');
    expect(await layerErrors('src/http/routes/probe.ts', code)).toEqual([]);
  });
});
