// @ts-check
// The layers of docs/architecture.md, enforced at any depth: a path pattern with `**/` matches
// `../store/x`, `../../store/x` and deeper alike. test/lint/layer-rules.test.ts lints a probe file per rule.

/** Everything of ours that is not the domain: the domain may import none of it. */
const OUTSIDE_DOMAIN = [
  'store',
  'http',
  'hubspot',
  'use-cases',
  'jobs',
  'composition',
  'cli',
  'standin',
  'security',
  'contracts',
];
const ourFolders = (names) => names.flatMap((name) => [`**/${name}`, `**/${name}/**`]);
const ourFiles = (names) =>
  names.flatMap((name) => [`**/src/${name}`, `../${name}`, `../../${name}`, `../../../${name}`]);

/** @param {'warn' | 'error'} level */
function layerRules(level) {
  return [
    {
      files: ['src/domain/**/*.ts'],
      rules: {
        '@typescript-eslint/no-restricted-imports': [
          level,
          {
            patterns: [
              {
                group: ['express', '@hubspot/*', 'pg', 'better-sqlite3', 'kysely'],
                message: 'The domain uses no framework, client or driver.',
              },
              {
                group: [
                  ...ourFolders(OUTSIDE_DOMAIN),
                  ...ourFiles(['config', 'logger', 'metrics', 'main', 'abortable-sleep']),
                ],
                message: 'src/domain imports nothing of ours outside the domain.',
              },
            ],
          },
        ],
        'no-restricted-globals': [level, 'process'],
      },
    },
    {
      files: ['src/use-cases/**/*.ts'],
      rules: {
        '@typescript-eslint/no-restricted-imports': [
          level,
          {
            patterns: [
              {
                group: ['kysely', 'pg', 'better-sqlite3', 'express'],
                message: 'Use-cases reach storage and the web through ports.',
              },
              {
                // `!**/ports/jobs`: the job queue's port (src/use-cases/ports/jobs.ts) is not the src/jobs folder.
                group: [...ourFolders(['store', 'http', 'composition', 'jobs', 'cli']), '!**/ports/jobs'],
                message: 'Use-cases depend on ports they declare, never on the store, routes or jobs.',
              },
              {
                group: ourFolders(['hubspot']),
                allowTypeImports: true,
                message:
                  'Use-cases may name the HubSpot gateway type, never import a HubSpot implementation.',
              },
            ],
          },
        ],
      },
    },
    {
      files: ['src/http/routes/**/*.ts'],
      rules: {
        '@typescript-eslint/no-restricted-imports': [
          level,
          {
            patterns: [
              {
                group: ['kysely', 'pg', 'better-sqlite3'],
                message: 'Routes never touch the database driver.',
              },
              {
                group: ourFolders(['store']),
                message: 'Routes call use-cases (and their ports), never the store.',
              },
            ],
          },
        ],
      },
    },
  ];
}

module.exports = { layerRules };
