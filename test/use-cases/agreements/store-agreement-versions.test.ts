import example from '../../../examples/agreement.json';
import { agreementShape } from '../../../src/domain/agreement-schema';
import { tempPostgres, tempSqlite } from '../../store/test-databases';
import { rejection } from './lifecycle-suite';
import { storeBackend } from './store-world';

const body = agreementShape.parse(example);

describe.each([
  ['SQLite', storeBackend(async () => tempSqlite())],
  ['PostgreSQL', storeBackend(tempPostgres)],
])('agreement versions in the store (%s)', (_engine, backend) => {
  afterAll(backend.dispose);

  it('keeps a version exactly as saved, agreement body and diff included', async () => {
    const { ports } = await backend.world();
    const draft = await ports.versions.create({
      portalId: '1',
      name: 'H1',
      body,
      createdBy: 'mika',
      createdAt: 5,
    });
    const diff = [
      {
        path: 'name',
        change: 'changed' as const,
        before: 'H0',
        after: 'H1',
        text: "name: now 'H1', was 'H0'",
      },
    ];
    const proposed = {
      ...draft,
      status: 'proposed' as const,
      proposedBy: 'mika',
      proposedAt: 6,
      proposedSide: 'marketing' as const,
      rationale: 'why',
      diff,
    };
    await ports.versions.save(proposed);
    expect(await ports.versions.get('1', draft.version)).toEqual(proposed);
    expect(await ports.versions.get('1', 99)).toBeNull();
  });

  it('turns a second active version into a conflict instead of a database error', async () => {
    const { ports } = await backend.world();
    const make = () =>
      ports.versions.create({ portalId: '1', name: 'H1', body, createdBy: 'mika', createdAt: 5 });
    const [a, b] = [await make(), await make()];
    await ports.versions.save({ ...a, status: 'active' });
    const error = await rejection(ports.versions.save({ ...b, status: 'active' }), 'conflict');
    expect(error.message).toBe('The agreement of portal 1 changed meanwhile; try again.');
    expect((await ports.versions.active('1'))?.version).toBe(a.version);
  });
});
