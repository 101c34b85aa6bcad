import { DynamicModule, Module } from '@nestjs/common';
import { AuditModule } from '@ashar/audit';
import { BUDGET_JOBS, BUDGETS_QUEUES, BudgetsJobsModule } from '@ashar/budgets';
import { DatabaseModule } from '@ashar/database';
import { IDENTITY_JOBS, IDENTITY_QUEUES, IdentityJobsModule } from '@ashar/identity';
import { AppConfig } from '@ashar/kernel';
import { JobWorkerModule, QueueModule } from '@ashar/queue';
import { RuntimeModule } from '@ashar/runtime';
import { Logger } from 'pino';

export interface WorkerOptions {
  /** Per-queue concurrency over the declarations (WORKER_CONCURRENCY="imports=4,notifications=20"). */
  concurrency?: Record<string, number>;
}

/** The worker's composition root: the same domain libraries as the API, job handlers instead of resolvers. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig, logger?: Logger, opts: WorkerOptions = {}): DynamicModule {
    const queues = [...Object.values(BUDGETS_QUEUES), ...Object.values(IDENTITY_QUEUES)];
    const jobs = [...Object.values(BUDGET_JOBS), ...Object.values(IDENTITY_JOBS)];
    return {
      module: WorkerModule,
      imports: [
        RuntimeModule.forRoot(config, 'worker', logger),
        DatabaseModule.forRoot(config.databaseUrl),
        QueueModule.forRoot({ redisUrl: config.redisUrl, databaseUrl: config.databaseUrl, schema: config.queueSchema, prefix: config.redisPrefix, queues }),
        JobWorkerModule.forRoot({ jobs, concurrency: opts.concurrency }),
        AuditModule,
        IdentityJobsModule,
        BudgetsJobsModule,
      ],
    };
  }
}
