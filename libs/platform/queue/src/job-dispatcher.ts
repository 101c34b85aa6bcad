import { BullRegistrar, getQueueToken, WorkerHost } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { DiscoveryService, ModuleRef } from '@nestjs/core';
import { InjectAppLogger } from '@ashar/runtime';
import { Job, Queue, Worker } from 'bullmq';
import type { Logger } from 'pino';
import { isFailedForGood } from './final-failure';
import { JOB_HANDLER_METADATA, JobDefinition, JobHandler, JobRunContext, JobSchedule, UnknownJobError } from './job';
import { QueueDeclaration } from './queue-declaration';
import { QUEUE_CONNECTION, QUEUE_DECLARATIONS, QueueConnection } from './queue.tokens';

/** Where @nestjs/bullmq keeps a @Processor's options (its constants are not exported). */
const LEGACY_PROCESSOR_METADATA = 'bullmq:processor_metadata';

export const JOB_WORKER_OPTIONS = Symbol('JOB_WORKER_OPTIONS');

export interface JobWorkerOptions {
  /**
   * Every job the manifests declare. A legacy @Processor is only handed jobs of these names on its
   * queue; any other name fails with UnknownJobError instead of being answered `{ ignored }`.
   */
  jobs: ReadonlyArray<JobDefinition<object>>;
  /** Per-queue concurrency overriding the declaration (operators: WORKER_CONCURRENCY). */
  concurrency?: Readonly<Record<string, number>>;
  /**
   * Jobs run on a timer. The worker makes the queues' schedulers equal to this list at boot: it adds or
   * updates each one and removes the schedulers of declared queues that no manifest lists any more
   * (a schedule taken out of the code stops). Several workers doing this at once converge: upserts are idempotent.
   */
  schedules?: ReadonlyArray<JobSchedule<object>>;
}

interface Registered {
  handler: JobHandler<object>;
  className: string;
}

/**
 * The worker side of jobs by name: finds every provider marked `@HandlesJob(def)`, starts one BullMQ
 * Worker per queue that has handlers and hands each job to the handler of its name. A name nobody
 * handles throws UnknownJobError: the job is retried (a newer worker may know it) and then stays in
 * the failed set, never completed. Legacy `@Processor` classes keep their own Worker until converted;
 * a queue cannot have both (a job would go to whichever worker fetched it).
 */
@Injectable()
export class JobDispatcher implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly workers: Worker[] = [];
  private readonly legacy: WorkerHost[] = [];
  private readonly handlers = new Map<string, Map<string, Registered>>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly registrar: BullRegistrar,
    @Inject(QUEUE_DECLARATIONS) private readonly queues: QueueDeclaration[],
    @Inject(QUEUE_CONNECTION) private readonly connection: QueueConnection,
    @Inject(JOB_WORKER_OPTIONS) private readonly options: JobWorkerOptions,
    @InjectAppLogger() private readonly log: Logger,
    private readonly moduleRef: ModuleRef,
  ) {}

  onModuleInit(): void {
    const declared = new Map(this.queues.map((q) => [q.name, q]));
    const unknown = Object.keys(this.options.concurrency ?? {}).filter((q) => !declared.has(q));
    if (unknown.length) throw new Error(`Concurrency set for queues no manifest declares: ${unknown.join(', ')}`);
    this.collectHandlers(declared);
    const legacyQueues = this.guardLegacyProcessors(declared);
    for (const queue of legacyQueues) {
      if (this.handlers.has(queue)) {
        const names = [...this.handlers.get(queue)!.keys()].join(', ');
        throw new Error(`Queue "${queue}" has both a legacy @Processor and @HandlesJob handlers (${names}): convert the whole queue's jobs to handlers at once`);
      }
    }
    // The legacy processors' Workers (QueueModule turned @nestjs/bullmq's automatic registration off).
    this.registrar.register();
    for (const [queue, byName] of this.handlers) this.startWorker(declared.get(queue)!, byName);
    this.checkSchedules();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.syncSchedules();
  }

  /** A schedule whose job has no handler here would tick into UnknownJobError forever: refused at boot. */
  private checkSchedules(): void {
    const ids = new Set<string>();
    for (const s of this.options.schedules ?? []) {
      if (ids.has(s.id)) throw new Error(`Schedule "${s.id}" is declared twice`);
      ids.add(s.id);
      if (!this.handlers.get(s.job.queue)?.has(s.job.name)) throw new Error(`Schedule "${s.id}" runs job "${s.job.name}", which no handler of this worker claims`);
    }
  }

  private async syncSchedules(): Promise<void> {
    const wanted = new Map<string, JobSchedule<object>[]>();
    for (const s of this.options.schedules ?? []) wanted.set(s.job.queue, [...(wanted.get(s.job.queue) ?? []), s]);
    for (const q of this.queues) {
      const list = wanted.get(q.name) ?? [];
      // The producer QueueModule registered for this queue (its connection is closed with the app's).
      const queue = this.moduleRef.get<Queue>(getQueueToken(q.name), { strict: false });
      const existing = await queue.getJobSchedulers();
      for (const old of existing) {
        if (!list.some((s) => s.id === old.key)) await queue.removeJobScheduler(old.key);
      }
      for (const s of list) {
        await queue.upsertJobScheduler(s.id, { every: s.every }, { name: s.job.name, data: s.payload, opts: { attempts: 1, removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } } });
      }
      if (list.length) this.log.debug({ queue: q.name, schedules: list.map((s) => `${s.id}/${s.every}ms`) }, 'job schedules set');
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    // Before the database closes (onApplicationShutdown): running jobs finish, no new one is fetched.
    // Legacy processors' workers too (@nestjs/bullmq closes them only in onApplicationShutdown; closing twice is harmless).
    const legacy = this.legacy.splice(0).flatMap((p) => {
      // The getter throws when the registrar never built a Worker (boot failed before it).
      const w = (p as unknown as { _worker?: Worker })._worker;
      return w ? [w] : [];
    });
    await Promise.all([...this.workers.splice(0), ...legacy].map((w) => w.close()));
  }

  /** The queues with handlers and the job names each one dispatches (for the worker's start line and tests). */
  dispatchTable(): Record<string, string[]> {
    return Object.fromEntries([...this.handlers].map(([q, byName]) => [q, [...byName.keys()].sort()]));
  }

  private collectHandlers(declared: Map<string, QueueDeclaration>): void {
    const declaredJobs = new Map(this.options.jobs.map((j) => [j.name, j.queue]));
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as JobHandler<object> | undefined;
      const cls = (!wrapper.metatype || wrapper.inject ? instance?.constructor : wrapper.metatype) as Function | undefined;
      const def: JobDefinition<object> | undefined = cls ? Reflect.getMetadata(JOB_HANDLER_METADATA, cls) : undefined;
      if (!def || !instance) continue;
      if (!wrapper.isDependencyTreeStatic()) throw new Error(`Job handler ${cls!.name} (${def.name}) must not be request-scoped`);
      if (typeof instance.handle !== 'function') throw new Error(`Job handler ${cls!.name} (${def.name}) has no handle(payload, ctx) method`);
      if (!declared.has(def.queue)) throw new Error(`Job "${def.name}" (${cls!.name}) runs on queue "${def.queue}", which no manifest declares`);
      // A handler the manifests do not list would run, but its job would be invisible to the list.
      if (declaredJobs.get(def.name) !== def.queue) {
        throw new Error(`Job "${def.name}" on queue "${def.queue}" has a handler (${cls!.name}) but no manifest declares it in its jobs`);
      }
      const byName = this.handlers.get(def.queue) ?? new Map<string, Registered>();
      const other = byName.get(def.name);
      // The same provider reached through two module imports is one handler, not two.
      if (other && other.handler !== instance) {
        const hint = other.className === cls!.name ? ' (one class provided by two modules?)' : '';
        throw new Error(`Job "${def.name}" has two handlers: ${other.className} and ${cls!.name}${hint}; a job name has exactly one`);
      }
      byName.set(def.name, { handler: instance, className: cls!.name });
      this.handlers.set(def.queue, byName);
    }
  }

  /** Legacy processors get only the job names declared for their queue; returns the queues they serve. */
  private guardLegacyProcessors(declared: Map<string, QueueDeclaration>): Set<string> {
    const known = new Map<string, Set<string>>();
    for (const j of this.options.jobs) known.set(j.queue, (known.get(j.queue) ?? new Set()).add(j.name));
    const queues = new Set<string>();
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as WorkerHost | undefined;
      if (!(instance instanceof WorkerHost)) continue;
      const meta: { name?: string } | undefined = Reflect.getMetadata(LEGACY_PROCESSOR_METADATA, instance.constructor);
      const queue = meta?.name;
      if (!queue) continue;
      if (!declared.has(queue)) throw new Error(`Processor ${instance.constructor.name} listens on queue "${queue}", which no manifest declares`);
      queues.add(queue);
      this.legacy.push(instance);
      const names = known.get(queue) ?? new Set<string>();
      const process = instance.process.bind(instance);
      // An own property shadows the prototype's method; the registrar binds it when it builds the Worker.
      instance.process = (job: Job, token?: string) => {
        if (!names.has(job.name)) return Promise.reject(new UnknownJobError(queue, job.name));
        return process(job, token);
      };
    }
    return queues;
  }

  private startWorker(queue: QueueDeclaration, byName: Map<string, Registered>): void {
    const concurrency = this.options.concurrency?.[queue.name] ?? queue.concurrency ?? 1;
    const worker = new Worker(queue.name, (job: Job) => this.dispatch(queue.name, byName, job), {
      connection: this.connection.connection as never,
      prefix: this.connection.prefix,
      concurrency,
    });
    worker.on('failed', (job, err) => void this.onFailed(queue.name, byName, job, err));
    // A lost connection is reported here and retried by BullMQ; without a listener it would crash the process.
    worker.on('error', (err) => this.log.error({ err, queue: queue.name }, 'queue worker error'));
    this.workers.push(worker);
    this.log.debug({ queue: queue.name, concurrency, jobs: [...byName.keys()] }, 'job worker started');
  }

  private async dispatch(queue: string, byName: Map<string, Registered>, job: Job): Promise<unknown> {
    const entry = byName.get(job.name);
    if (!entry) throw new UnknownJobError(queue, job.name);
    return entry.handler.handle(job.data, runContext(job, job.attemptsMade + 1));
  }

  private async onFailed(queue: string, byName: Map<string, Registered>, job: Job | undefined, err: Error): Promise<void> {
    if (!job || !isFailedForGood(job, err)) return;
    const entry = byName.get(job.name);
    this.log.error({ queue, job: job.name, jobId: job.id, attemptsMade: job.attemptsMade, err: { name: err?.name, message: err?.message } }, 'job failed for good');
    if (!entry?.handler.onFailedForGood) return;
    try {
      await entry.handler.onFailedForGood(job.data, err, runContext(job, job.attemptsMade));
    } catch (e) {
      // An event listener that throws would be an unhandled rejection in the worker.
      this.log.error({ queue, job: job.name, jobId: job.id, err: e }, 'onFailedForGood failed');
    }
  }
}

function runContext(job: Job, attempt: number): JobRunContext {
  return {
    jobId: job.id ?? '',
    attempt,
    progress: (pct: number) => job.updateProgress(pct),
  };
}
