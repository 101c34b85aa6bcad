import { getQueueToken } from '@nestjs/bullmq';
import { Controller, Get, INestApplication, INestApplicationContext, Injectable, Module } from '@nestjs/common';
import { InjectDataSource, TypeOrmModule } from '@nestjs/typeorm';
import { composeContexts, CONTEXTS } from '@ashar/contexts';
import { asTransaction } from '@ashar/database';
import { createTestDatabase, TestDatabase } from '@ashar/database/testing';
import { AppConfig } from '@ashar/kernel';
import { defineContext, migrationName } from '@ashar/manifest';
import { defineJob, defineQueue, HandlesJob, JobDispatcher, JobHandler, JobRunContext, OutboxRelay, OutboxService } from '@ashar/queue';
import { Queue } from 'bullmq';
import { randomBytes } from 'crypto';
import { Column, DataSource, Entity, MigrationInterface, PrimaryColumn, QueryRunner } from 'typeorm';
import { migrate } from '../../../cli/src/commands/migrate';
import { pendingSchemaChanges } from '../../../cli/src/commands/schema-drift';
import { TEST_REDIS_URL, testConfig } from '../../../../test/support/test-config';
import { createApiApp } from '../../../api/src/create-api-app';
import { createWorkerApp } from '../create-worker-app';
import { eventually } from '../../../../test/support/eventually';

// A context that exists only in this test: one table, one migration, one queue, one job, one handler.
@Entity('throwaway_notes')
class ThrowawayNote {
  @PrimaryColumn('text')
  id: string;

  @Column('text')
  body: string;

  @Column('int')
  attempt: number;
}

class ThrowawayNotes1899000000000 implements MigrationInterface {
  name = 'ThrowawayNotes1899000000000';
  async up(q: QueryRunner) {
    await q.query(`CREATE TABLE "throwaway_notes" ("id" text NOT NULL, "body" text NOT NULL, "attempt" integer NOT NULL, CONSTRAINT "PK_throwaway_notes" PRIMARY KEY ("id"))`);
  }
  async down(q: QueryRunner) {
    await q.query(`DROP TABLE "throwaway_notes"`);
  }
}

const THROWAWAY_QUEUES = { work: defineQueue('throwaway', { concurrency: 2 }) };
const WRITE_NOTE = defineJob<{ id: string; body: string }>('throwaway.write-note', THROWAWAY_QUEUES.work);

@Injectable()
@HandlesJob(WRITE_NOTE)
class WriteNoteJob implements JobHandler<{ id: string; body: string }> {
  constructor(@InjectDataSource() private readonly db: DataSource) {}
  async handle(p: { id: string; body: string }, ctx: JobRunContext) {
    await this.db.getRepository(ThrowawayNote).insert({ id: p.id, body: p.body, attempt: ctx.attempt });
    return { written: p.id };
  }
}

@Module({ imports: [TypeOrmModule.forFeature([ThrowawayNote])], providers: [WriteNoteJob] })
class ThrowawayWorkerModule {}

@Controller('throwaway')
class ThrowawayController {
  @Get('ping')
  ping() {
    return { context: 'throwaway' };
  }
}

@Module({ controllers: [ThrowawayController] })
class ThrowawayApiModule {}

const THROWAWAY_MANIFEST = defineContext({
  name: 'throwaway',
  apiModule: ThrowawayApiModule,
  workerModule: ThrowawayWorkerModule,
  entities: [ThrowawayNote],
  migrations: [ThrowawayNotes1899000000000],
  queues: Object.values(THROWAWAY_QUEUES),
  jobs: [WRITE_NOTE],
});

// Registered the way a real context is: one more entry in the manifest list.
const WITH_THROWAWAY = [...CONTEXTS, THROWAWAY_MANIFEST];

describe.each([
  ['Redis', true],
  ['PostgreSQL', false],
])('a throwaway context registered through the manifest list (queues on %s)', (_label, redis) => {
  let db: TestDatabase;
  let worker: INestApplicationContext;
  let api: INestApplication | undefined;
  let owner: DataSource;
  let config: AppConfig;

  beforeAll(async () => {
    db = await createTestDatabase(`throwaway${redis ? 'r' : 'p'}`);
    owner = await new DataSource({ type: 'postgres', url: db.url }).initialize();
  });
  afterAll(async () => {
    await api?.close();
    await worker?.close();
    await owner?.destroy();
    await db?.drop();
  });

  it('has its migration run by the cli’s migrate, after every existing one, leaving no schema drift', async () => {
    expect(composeContexts(WITH_THROWAWAY).migrations.map(migrationName).at(-1)).toBe('ThrowawayNotes1899000000000');
    expect(await migrate(db.url, WITH_THROWAWAY)).toEqual(['ThrowawayNotes1899000000000']);
    const last = await owner.query(`SELECT name FROM schema_migrations ORDER BY id DESC LIMIT 1`);
    expect(last[0].name).toBe('ThrowawayNotes1899000000000');
    expect((await owner.query(`SELECT to_regclass('public.throwaway_notes') AS t`))[0].t).toBe('throwaway_notes');
    expect(await pendingSchemaChanges(db.url, WITH_THROWAWAY)).toEqual({ up: [], down: [] });
    // Run again: nothing pending.
    expect(await migrate(db.url, WITH_THROWAWAY)).toEqual([]);
  });

  it('has its job enqueued through the outbox, dispatched by name to its handler in the worker', async () => {
    config = testConfig(db.url, { REDIS_URL: redis ? TEST_REDIS_URL : undefined, REDIS_PREFIX: `ashar_test_${randomBytes(4).toString('hex')}` });
    worker = await createWorkerApp(config, { contexts: WITH_THROWAWAY });
    expect(worker.get(JobDispatcher).dispatchTable()).toMatchObject({ throwaway: ['throwaway.write-note'] });

    const ds = worker.get(DataSource);
    await ds.transaction((m) => worker.get(OutboxService).enqueueJob(asTransaction(m), WRITE_NOTE, { id: 'n1', body: 'салам' }, 'throwaway-note.n1'));
    await worker.get(OutboxRelay).kick();
    const row = await eventually(async () => (await owner.query(`SELECT body, attempt FROM throwaway_notes WHERE id = 'n1'`))[0]);
    expect(row).toEqual({ body: 'салам', attempt: 1 });
    const queue = worker.get<Queue>(getQueueToken('throwaway'), { strict: false });
    const job = await eventually(async () => {
      const j = await queue.getJob('throwaway-note.n1');
      // On the PostgreSQL backend the state can read 'completed' a moment before the return value does (seen under CI load).
      return j && (await j.getState()) === 'completed' && j.returnvalue != null && j;
    });
    expect(job.returnvalue).toEqual({ written: 'n1' });
  });

  it('is served by the API too: its module mounted, its queue registered for the API’s outbox', async () => {
    api = await createApiApp(config, { schemaFile: false, contexts: WITH_THROWAWAY });
    await api.listen(0, '127.0.0.1');
    const { port } = api.getHttpServer().address() as { port: number };
    expect(await (await fetch(`http://127.0.0.1:${port}/throwaway/ping`)).json()).toEqual({ context: 'throwaway' });

    expect(api.get<Queue>(getQueueToken('throwaway'), { strict: false })).toBeInstanceOf(Queue);
    await api.get(DataSource).transaction((m) => api!.get(OutboxService).enqueueJob(asTransaction(m), WRITE_NOTE, { id: 'n2', body: 'from the api' }, 'throwaway-note.n2'));
    await api.get(OutboxRelay).kick();
    const row = await eventually(async () => (await owner.query(`SELECT body FROM throwaway_notes WHERE id = 'n2'`))[0]);
    expect(row.body).toBe('from the api');
  });

  it('does not acknowledge a job with a name nobody handles: retried, then kept as failed with UnknownJobError', async () => {
    const queue = worker.get<Queue>(getQueueToken('throwaway'), { strict: false });
    await queue.add('throwaway.nobody-handles-this', { id: 'x' }, { jobId: 'stray-1', attempts: 3, backoff: { type: 'fixed', delay: 20 } });
    const job = await eventually(async () => {
      const j = await queue.getJob('stray-1');
      return j && (await j.getState()) === 'failed' && j;
    });
    // Retried before it was kept as failed. On a loaded CI machine BullMQ's PostgreSQL backend once
    // reported 2 of 3 attempts for a job already final (seen in CI, not reproduced locally): the
    // property under test is "retried and never acknowledged", so 2 or 3 both hold it, 1 does not.
    expect(job.attemptsMade).toBeGreaterThanOrEqual(2);
    expect(job.attemptsMade).toBeLessThanOrEqual(3);
    expect(job.failedReason).toBe('No handler for job "throwaway.nobody-handles-this" on queue "throwaway"');
    // And it stays failed: nothing acknowledges it later.
    await new Promise((r) => setTimeout(r, 300));
    expect(await (await queue.getJob('stray-1'))!.getState()).toBe('failed');
    expect(job.returnvalue).toBeFalsy();
    expect(await queue.getJobCounts('completed', 'failed')).toEqual({ completed: 2, failed: 1 });
  });
});
