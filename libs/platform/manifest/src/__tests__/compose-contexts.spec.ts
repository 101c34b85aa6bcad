import { defineJob, defineQueue } from '@ashar/queue';
import { MigrationInterface } from 'typeorm';
import { composeContexts, migrationTimestamp, orderedMigrations } from '../compose-contexts';
import { defineContext } from '../context-manifest';

const migration = (name: string) => {
  const M = class implements MigrationInterface {
    name = name;
    async up() {}
    async down() {}
  };
  Object.defineProperty(M, 'name', { value: name });
  return M;
};

describe('composeContexts', () => {
  it('orders every context’s migrations by the timestamp that ends their name, whatever the list order', () => {
    const a = defineContext({ name: 'a', migrations: [migration('Late1800000000002'), migration('First1800000000000')] });
    const b = defineContext({ name: 'b', migrations: [migration('Middle1800000000001')] });
    expect(orderedMigrations([a, b]).map((m) => new m().name)).toEqual(['First1800000000000', 'Middle1800000000001', 'Late1800000000002']);
    expect(orderedMigrations([b, a]).map((m) => new m().name)).toEqual(['First1800000000000', 'Middle1800000000001', 'Late1800000000002']);
  });

  it('refuses two migrations with one timestamp, and a name without one', () => {
    expect(() => orderedMigrations([defineContext({ name: 'a', migrations: [migration('X1800000000000')] }), defineContext({ name: 'b', migrations: [migration('Y1800000000000')] })])).toThrow(
      'Migrations X1800000000000 and Y1800000000000 (b) share the timestamp 1800000000000',
    );
    expect(() => migrationTimestamp(migration('NoTimestamp'))).toThrow('Migration NoTimestamp has no 13-digit timestamp');
  });

  it('collects entities, queues, jobs, modules and policies in list order', () => {
    class E1 {}
    class E2 {}
    class ApiA {}
    class WorkerB {}
    const q = defineQueue('b-work', { concurrency: 3 });
    const job = defineJob<{ id: string }>('b.do', q);
    const composed = composeContexts([
      defineContext({ name: 'a', apiModule: ApiA, entities: [E1], operationPolicies: [{ operation: 'Query.a', allow: 'public' }] }),
      defineContext({ name: 'b', workerModule: WorkerB, entities: [E2, E1], queues: [q], jobs: [job] }),
    ]);
    expect(composed.names).toEqual(['a', 'b']);
    expect(composed.entities).toEqual([E1, E2]);
    expect(composed.apiModules).toEqual([ApiA]);
    expect(composed.workerModules).toEqual([WorkerB]);
    expect(composed.queues).toEqual([{ name: 'b-work', concurrency: 3 }]);
    expect(composed.jobs).toEqual([{ name: 'b.do', queue: 'b-work' }]);
    expect(composed.operationPolicies.map((p) => p.operation)).toEqual(['Query.a']);
  });

  it('fails at boot on a context listed twice, a queue of two contexts, a job name of two contexts, a job on another context’s queue', () => {
    const q = defineQueue('shared');
    expect(() => composeContexts([defineContext({ name: 'a' }), defineContext({ name: 'a' })])).toThrow('Context "a" is listed twice');
    expect(() => composeContexts([defineContext({ name: 'a', queues: [q] }), defineContext({ name: 'b', queues: [q] })])).toThrow('Queue "shared" is declared by a and b');
    const j = defineJob('x.run', q);
    expect(() => composeContexts([defineContext({ name: 'a', queues: [q], jobs: [j] }), defineContext({ name: 'b', queues: [defineQueue('other')], jobs: [defineJob('x.run', 'other')] })])).toThrow('Job "x.run" is declared by a and b');
    expect(() => defineContext({ name: 'b', jobs: [j] })).toThrow('Context b: job "x.run" runs on queue "shared", which the context does not declare');
    expect(() => defineContext({ name: 'Bad Name' })).toThrow('Context name must be lower-case');
  });

  it('runs seeds in list order, each seeing what the earlier ones returned; demo seeds after every reference seed', async () => {
    const order: string[] = [];
    const composed = composeContexts([
      defineContext({ name: 'a', seed: async () => (order.push('a.seed'), { units: 3 }), seedDemo: async () => (order.push('a.demo'), { communities: { k: 'c1' } }) }),
      defineContext({ name: 'b', seed: async () => (order.push('b.seed'), {}), seedDemo: async (_ds, so) => (order.push('b.demo'), { sawCommunities: so.communities }) }),
    ]);
    expect(await composed.seed(null as never)).toEqual({ units: 3 });
    order.length = 0;
    expect(await composed.seedDemo(null as never)).toEqual({ units: 3, communities: { k: 'c1' }, sawCommunities: { k: 'c1' } });
    expect(order).toEqual(['a.seed', 'b.seed', 'a.demo', 'b.demo']);
  });
});
