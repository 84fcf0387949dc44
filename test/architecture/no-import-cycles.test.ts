import path from 'node:path';
import madge from 'madge';

/** Type imports count too: a cycle through types still ties two modules' changes together. */
const ROOT = path.resolve(__dirname, '../..');

describe('no import cycles', () => {
  it.each(['src', 'extensions'])(
    '%s has no import cycle (madge, type imports included)',
    async (dir) => {
      const graph = await madge(path.join(ROOT, dir), {
        fileExtensions: ['ts', 'tsx'],
        tsConfig: path.join(ROOT, dir === 'src' ? 'tsconfig.json' : 'extensions/tsconfig.json'),
        excludeRegExp: [/node_modules/, /dist\//],
        detectiveOptions: { ts: { skipTypeImports: false }, tsx: { skipTypeImports: false } },
      });
      expect(Object.keys(graph.obj()).length).toBeGreaterThan(50);
      expect(graph.circular()).toEqual([]);
    },
    60_000,
  );
});
