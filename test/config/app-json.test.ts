import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DEPLOY_REQUIRED_VARS, ENV_VARS, PLATFORM_VARS, loadConfig } from '../../src/config';

const root = path.resolve(__dirname, '../..');
const appJson = JSON.parse(fs.readFileSync(path.join(root, 'app.json'), 'utf8')) as unknown;

// The parts of the app.json format (Heroku, Dokku) this project relies on.
const envEntry = z.strictObject({
  description: z.string().min(20),
  required: z.boolean(),
  value: z.string().optional(),
  generator: z.literal('secret').optional(),
});
const appJsonShape = z.object({
  name: z.string().min(3).max(30),
  description: z.string().max(140),
  env: z.record(z.string(), envEntry),
  addons: z.array(z.union([z.string(), z.object({ plan: z.string() })])),
  formation: z.record(z.string(), z.object({ quantity: z.number().int().min(0) })),
  healthchecks: z.object({
    web: z.array(z.object({ type: z.enum(['startup', 'liveness', 'readiness']), path: z.string() })).min(1),
  }),
});
const manifest = appJsonShape.parse(appJson);

describe('app.json', () => {
  test('documents every variable the config reads, except those the platform and add-on set', () => {
    const expected = ENV_VARS.filter((name) => !PLATFORM_VARS.includes(name)).sort();
    expect(Object.keys(manifest.env).sort()).toEqual(expected);
  });

  test('marks required exactly the variables a deployment cannot work without', () => {
    const required = Object.entries(manifest.env).filter(([, entry]) => entry.required);
    expect(required.map(([name]) => name).sort()).toEqual([...DEPLOY_REQUIRED_VARS].sort());
  });

  test('has default values the config accepts, and a generated key of the expected form', () => {
    const defaults = Object.fromEntries(
      Object.entries(manifest.env).flatMap(([name, entry]) => (entry.value ? [[name, entry.value]] : [])),
    );
    expect(() => loadConfig(defaults)).not.toThrow();
    expect(manifest.env.TOKEN_ENCRYPTION_KEY?.generator).toBe('secret');
    // Heroku's `secret` generator yields 64 hex characters: 32 bytes, what TOKEN_ENCRYPTION_KEY expects.
    const generated = 'f'.repeat(64);
    expect(loadConfig({ TOKEN_ENCRYPTION_KEY: generated }).tokenEncryptionKey).toHaveLength(32);
  });

  test('provisions PostgreSQL and runs web and worker processes that the Procfile defines', () => {
    expect(manifest.addons).toContainEqual(expect.objectContaining({ plan: 'heroku-postgresql' }));
    const procfile = fs.readFileSync(path.join(root, 'Procfile'), 'utf8');
    const processes = Object.fromEntries(
      procfile
        .trim()
        .split('\n')
        .map((line) => line.split(/:\s*/, 2) as [string, string]),
    );
    expect(Object.keys(manifest.formation).sort()).toEqual(['web', 'worker']);
    expect(processes.web).toBe('node bin/lead-pact.js serve --role web');
    expect(processes.worker).toBe('node bin/lead-pact.js serve --role worker');
  });

  test('checks readiness before a new web process takes traffic', () => {
    expect(manifest.healthchecks.web[0]).toMatchObject({ type: 'startup', path: '/readyz' });
  });
});
