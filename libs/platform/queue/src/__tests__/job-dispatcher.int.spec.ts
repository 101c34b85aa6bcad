import { getQueueToken, Processor, WorkerHost } from '@nestjs/bullmq';
import { INestApplicationContext, Injectable, Module, Provider } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createTestDatabase, TestDatabase } from '@ashar/database/testing';
import { DatabaseModule } from '@ashar/database';
import { RuntimeModule } from '@ashar/runtime';
import { Job, Queue } from 'bullmq';
import { randomBytes } from 'crypto';
import { TEST_REDIS_URL, testConfig } from '../../../../../test/support/test-config';
import { defineJob, defineSchedule, HandlesJob, JobDefinition, JobHandler, JobRunContext, JobSchedule } from '../job';
import { JobDispatcher } from '../job-dispatcher';
import { JobWorkerModule, parseConcurrency } from '../job-worker.module';
import { defineQueue, QueueDeclaration } from '../queue-declaration';
import { QueueModule } from '../queue.module';
import { eventually } from '../../../../../test/support/eventually';

const WORK = defineQueue('dispatch-work', { concurrency: 3 });
const OTHER = defineQueue('dispatch-other');
const ECHO = defineJob<{ text: string }>('test.echo', WORK);
const SLOW = defineJob<{ ms: number }>('test.slow', WORK);
const DOOMED = defineJob<{ id: string }>('test.doomed', OTHER);

const calls = { doomedHandle: 0, doomedFinal: [] as Array<{ id: string; message: string; attempt: number }>, inFlight: 0, maxInFlight: 0, slowDone: 0 };

@Injectable()
@HandlesJob(ECHO)
class EchoHandler implements JobHandler<{ text: string }> {
  async handle(p: { text: string }, ctx: JobRunContext) {
    await ctx.progress(50);
    return { echoed: p.text, attempt: ctx.attempt, jobId: ctx.jobId };
  }
}

@Injectable()
@HandlesJob(SLOW)
class SlowHandler implements JobHandler<{ ms: number }> {
  async handle(p: { ms: number }) {
    calls.inFlight++;
    calls.maxInFlight = Math.max(calls.maxInFlight, calls.inFlight);
    await new Promise((r) => setTimeout(r, p.ms));
    calls.inFlight--;
    calls.slowDone++;
    return { slept: p.ms };
  }
}

@Injectable()
@HandlesJob(DOOMED)
class DoomedHandler implements JobHandler<{ id: string }> {
  async handle() {
    calls.doomedHandle++;
    throw new Error('always fails');
  }
  async onFailedForGood(p: { id: string }, err: Error, ctx: JobRunContext) {
    calls.doomedFinal.push({ id: p.id, message: err.message, attempt: ctx.attempt });
  }
}

@Injectable()
@HandlesJob(ECHO)
class SecondEchoHandler implements JobHandler<{ text: string }> {
  async handle() {
    return null;
  }
}

@Processor(WORK.name)
class LegacyOnWork extends WorkerHost {
  async process() {
    return null;
  }
}

// Only the worker of the shutdown test serves this queue, so no other worker can take its job.
const CLOSING = defineQueue('dispatch-closing', { concurrency: 4 });
const LAST = defineJob<{ ms: number }>('test.last', CLOSING);

@Injectable()
@HandlesJob(LAST)
class LastHandler implements JobHandler<{ ms: number }> {
  async handle(p: { ms: number }) {
    calls.inFlight++;
    await new Promise((r) => setTimeout(r, p.ms));
    calls.inFlight--;
    calls.slowDone++;
    return { slept: p.ms };
  }
}

// Schedules: only the timer tests' workers serve this queue.
const TIMER = defineQueue('dispatch-timer');
const TICK = defineJob<{ label: string }>('test.tick', TIMER);
const ticks: string[] = [];

@Injectable()
@HandlesJob(TICK)
class TickHandler implements JobHandler<{ label: string }> {
  async handle(p: { label: string }) {
    ticks.push(p.label);
    return null;
  }
}

const LEGACY = defineQueue('dispatch-legacy');
const LEGACY_JOB = defineJob<{ n: number }>('test.legacy', LEGACY);

@Processor(LEGACY.name)
class LegacyProcessor extends WorkerHost {
  async process(job: Job) {
    // The answer the dispatcher's guard exists to prevent for a name this processor does not know.
    if (job.name !== LEGACY_JOB.name) return { ignored: job.name };
    return { doubled: (job.data as { n: number }).n * 2 };
  }
}

async function startWorker(db: TestDatabase, redis: boolean, queues: QueueDeclaration[], providers: Provider[], jobs: JobDefinition<object>[] = [ECHO, SLOW, DOOMED, LEGACY_JOB], concurrency?: Record<string, number>, schedules?: JobSchedule<object>[], prefix?: string) {
  const config = testConfig(db.url, { REDIS_URL: redis ? TEST_REDIS_URL : undefined, REDIS_PREFIX: prefix ?? `ashar_test_${randomBytes(4).toString('hex')}` });
  @Module({ providers })
  class HandlersModule {}
  return NestFactory.createApplicationContext(
    {
      module: class TestWorkerModule {},
      imports: [
        RuntimeModule.forRoot(config, 'worker'),
        DatabaseModule.forRoot(config.databaseUrl),
        QueueModule.forRoot({ redisUrl: config.redisUrl, databaseUrl: config.databaseUrl, schema: config.queueSchema, poolMax: config.queuePoolMax, prefix: config.redisPrefix, queues }),
        JobWorkerModule.forRoot({ jobs, concurrency, schedules }),
        HandlersModule,
      ],
    },
    { logger: false, abortOnError: false },
  );
}

describe.each([
  ['Redis', true],
  ['PostgreSQL', false],
])('job dispatcher, queues on %s', (_label, redis) => {
  let db: TestDatabase;
  let app: INestApplicationContext;
  const queue = (name: string) => app.get<Queue>(getQueueToken(name), { strict: false });
  const stateOf = async (q: string, id: string) => (await queue(q).getJob(id))?.getState();

  beforeAll(async () => {
    db = await createTestDatabase(`dispatch${redis ? 'r' : 'p'}`);
    app = await startWorker(db, redis, [WORK, OTHER, LEGACY], [EchoHandler, SlowHandler, DoomedHandler, LegacyProcessor]);
    await app.init();
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });
  beforeEach(() => Object.assign(calls, { doomedHandle: 0, doomedFinal: [], inFlight: 0, maxInFlight: 0, slowDone: 0 }));

  it('hands each job to the handler of its name, with progress and a run context', async () => {
    expect(app.get(JobDispatcher).dispatchTable()).toEqual({ 'dispatch-work': ['test.echo', 'test.slow'], 'dispatch-other': ['test.doomed'] });
    await queue(WORK.name).add(ECHO.name, { text: 'salam' }, { jobId: 'echo-1' });
    await eventually(async () => (await stateOf(WORK.name, 'echo-1')) === 'completed');
    const job = (await queue(WORK.name).getJob('echo-1'))!;
    expect(job.returnvalue).toEqual({ echoed: 'salam', attempt: 1, jobId: 'echo-1' });
    expect(job.progress).toBe(50);
  });

  it('never completes a job whose name no handler claims: retried, then kept as failed with UnknownJobError', async () => {
    await queue(WORK.name).add('test.nobody', { x: 1 }, { jobId: 'unknown-1', attempts: 2, backoff: { type: 'fixed', delay: 10 } });
    await eventually(async () => (await stateOf(WORK.name, 'unknown-1')) === 'failed');
    const job = (await queue(WORK.name).getJob('unknown-1'))!;
    expect(job.attemptsMade).toBe(2);
    expect(job.failedReason).toBe('No handler for job "test.nobody" on queue "dispatch-work"');
    expect(await queue(WORK.name).getCompletedCount()).toBe(1); // only echo-1 of the test before
  });

  it('retries a failing job and calls onFailedForGood once, when no attempt is left', async () => {
    await queue(OTHER.name).add(DOOMED.name, { id: 'd1' }, { jobId: 'doomed-1', attempts: 3, backoff: { type: 'fixed', delay: 10 } });
    await eventually(async () => calls.doomedFinal.length > 0);
    await new Promise((r) => setTimeout(r, 300));
    expect(calls.doomedHandle).toBe(3);
    expect(calls.doomedFinal).toEqual([{ id: 'd1', message: 'always fails', attempt: 3 }]);
    expect(await stateOf(OTHER.name, 'doomed-1')).toBe('failed');
  });

  it('runs as many jobs of a queue at once as the queue declares', async () => {
    await queue(WORK.name).addBulk([1, 2, 3, 4, 5, 6].map((i) => ({ name: SLOW.name, data: { ms: 400 }, opts: { jobId: `slow-${i}` } })));
    await eventually(async () => calls.slowDone === 6);
    expect(calls.maxInFlight).toBe(3);
  });

  it('keeps legacy @Processor classes running, but fails a job name they do not declare instead of ignoring it', async () => {
    await queue(LEGACY.name).add(LEGACY_JOB.name, { n: 21 }, { jobId: 'legacy-1' });
    await queue(LEGACY.name).add('test.stranger', { n: 1 }, { jobId: 'legacy-2', attempts: 1 });
    await eventually(async () => (await stateOf(LEGACY.name, 'legacy-1')) === 'completed' && (await stateOf(LEGACY.name, 'legacy-2')) === 'failed');
    expect((await queue(LEGACY.name).getJob('legacy-1'))!.returnvalue).toEqual({ doubled: 42 });
    expect((await queue(LEGACY.name).getJob('legacy-2'))!.failedReason).toBe('No handler for job "test.stranger" on queue "dispatch-legacy"');
  });

  it('lets the worker override a queue’s concurrency', async () => {
    const own = await startWorker(db, redis, [CLOSING], [LastHandler], [LAST], { [CLOSING.name]: 1 });
    await own.init();
    const q = own.get<Queue>(getQueueToken(CLOSING.name), { strict: false });
    let maxInFlight = 0;
    const probe = setInterval(() => (maxInFlight = Math.max(maxInFlight, calls.inFlight)), 10);
    await q.addBulk([1, 2, 3].map((i) => ({ name: LAST.name, data: { ms: 200 }, opts: { jobId: `one-at-a-time-${i}` } })));
    await eventually(async () => calls.slowDone === 3);
    clearInterval(probe);
    await own.close();
    expect(maxInFlight).toBe(1);
  });

  it('runs a scheduled job on its timer, and stops a schedule no manifest declares any more', async () => {
    ticks.length = 0;
    const prefix = `ashar_test_${randomBytes(4).toString('hex')}`;
    const every = defineSchedule(TICK, { every: 1000, payload: { label: 'tick' } });
    const own = await startWorker(db, redis, [TIMER], [TickHandler], [TICK], undefined, [every], prefix);
    await own.init();
    await eventually(async () => ticks.length >= 2, 15_000);
    const q = own.get<Queue>(getQueueToken(TIMER.name), { strict: false });
    expect((await q.getJobSchedulers()).map((j) => j.key)).toEqual([TICK.name]);
    expect(ticks.every((t) => t === 'tick')).toBe(true);
    await own.close();
    // The next release's worker has no schedule for this job: the scheduler goes, no tick follows.
    const next = await startWorker(db, redis, [TIMER], [TickHandler], [TICK], undefined, [], prefix);
    await next.init();
    const q2 = next.get<Queue>(getQueueToken(TIMER.name), { strict: false });
    expect(await q2.getJobSchedulers()).toEqual([]);
    await q2.drain(true);
    const seen = ticks.length;
    await new Promise((r) => setTimeout(r, 2500));
    expect(ticks.length).toBe(seen);
    await next.close();
  }, 40_000);

  it('lets a running job finish on shutdown', async () => {
    const own = await startWorker(db, redis, [CLOSING], [LastHandler], [LAST]);
    await own.init();
    const q = own.get<Queue>(getQueueToken(CLOSING.name), { strict: false });
    await q.add(LAST.name, { ms: 1500 }, { jobId: 'last-1' });
    await eventually(async () => calls.inFlight > 0);
    await own.close();
    expect(calls.slowDone).toBe(1);
  });
});

describe('job dispatcher refuses a wrong set-up at boot', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('dispatchboot');
  });
  afterAll(() => db?.drop());

  const boot = async (queues: QueueDeclaration[], providers: Provider[], concurrency?: Record<string, number>, jobs?: Parameters<typeof startWorker>[4], schedules?: JobSchedule<object>[]) => {
    const app = await startWorker(db, true, queues, providers, jobs, concurrency, schedules);
    try {
      await app.init();
    } finally {
      await app.close();
    }
  };

  it('two handlers for one job name', async () => {
    await expect(boot([WORK], [EchoHandler, SecondEchoHandler])).rejects.toThrow('Job "test.echo" has two handlers: EchoHandler and SecondEchoHandler');
  });

  it('a handler whose queue no manifest declares', async () => {
    await expect(boot([WORK], [DoomedHandler])).rejects.toThrow('Job "test.doomed" (DoomedHandler) runs on queue "dispatch-other", which no manifest declares');
  });

  it('a handler of a job no manifest lists', async () => {
    await expect(boot([WORK], [EchoHandler], undefined, [SLOW])).rejects.toThrow('Job "test.echo" on queue "dispatch-work" has a handler (EchoHandler) but no manifest declares it in its jobs');
  });

  it('a concurrency override for a queue nobody declares (a typo would otherwise be ignored)', async () => {
    await expect(boot([WORK], [EchoHandler], { 'dispatch-wrok': 4 })).rejects.toThrow('Concurrency set for queues no manifest declares: dispatch-wrok');
  });

  it('a schedule whose job no handler claims (it would fail on every tick)', async () => {
    await expect(boot([TIMER], [], undefined, [TICK], [defineSchedule(TICK, { every: 1000, payload: { label: 'x' } })])).rejects.toThrow('Schedule "test.tick" runs job "test.tick", which no handler of this worker claims');
  });

  it('a queue served by a legacy processor and by handlers', async () => {
    await expect(boot([WORK], [EchoHandler, LegacyOnWork])).rejects.toThrow('Queue "dispatch-work" has both a legacy @Processor and @HandlesJob handlers (test.echo)');
  });
});

describe('WORKER_CONCURRENCY', () => {
  it('reads queue=count pairs and refuses anything else', () => {
    expect(parseConcurrency('imports=4, notifications=20')).toEqual({ imports: 4, notifications: 20 });
    expect(parseConcurrency(undefined)).toEqual({});
    expect(parseConcurrency('')).toEqual({});
    expect(() => parseConcurrency('imports=0')).toThrow('WORKER_CONCURRENCY: "imports=0" is not queue=positive-integer');
    expect(() => parseConcurrency('imports:4')).toThrow('WORKER_CONCURRENCY: "imports:4"');
  });
});
