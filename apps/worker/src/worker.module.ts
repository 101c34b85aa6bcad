import { DynamicModule, Module } from '@nestjs/common';
import { composeContexts, ContextManifest, CONTEXTS } from '@ashar/contexts';
import { DatabaseModule } from '@ashar/database';
import { AppConfig } from '@ashar/kernel';
import { JobWorkerModule, QueueModule } from '@ashar/queue';
import { RuntimeModule } from '@ashar/runtime';
import { Logger } from 'pino';

export interface WorkerOptions {
  /** Per-queue concurrency over the declarations (WORKER_CONCURRENCY="imports=4,notifications=20"). */
  concurrency?: Record<string, number>;
  /** The contexts to run (default: every context of `@ashar/contexts`; tests add throwaway ones). */
  contexts?: readonly ContextManifest[];
}

/** The worker's composition root: each context's worker module (its job handlers), no resolvers. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig, logger?: Logger, opts: WorkerOptions = {}): DynamicModule {
    const contexts = composeContexts(opts.contexts ?? CONTEXTS);
    return {
      module: WorkerModule,
      imports: [
        RuntimeModule.forRoot(config, 'worker', logger),
        DatabaseModule.forRoot(config.databaseUrl),
        QueueModule.forRoot({ redisUrl: config.redisUrl, databaseUrl: config.databaseUrl, schema: config.queueSchema, poolMax: config.queuePoolMax, prefix: config.redisPrefix, queues: contexts.queues }),
        JobWorkerModule.forRoot({ jobs: contexts.jobs, concurrency: opts.concurrency, schedules: contexts.schedules }),
        ...contexts.workerModules,
      ],
    };
  }
}
