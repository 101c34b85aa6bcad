import { DynamicModule, Module } from '@nestjs/common';
import { AuditModule } from '@ashar/audit';
import { BudgetsJobsModule } from '@ashar/budgets';
import { DatabaseModule } from '@ashar/database';
import { NotificationsJobsModule } from '@ashar/notifications';
import { AppConfig } from '@ashar/kernel';
import { QueueModule } from '@ashar/queue';
import { RuntimeModule } from '@ashar/runtime';
import { Logger } from 'pino';

/** The worker's composition root: the same domain libraries as the API, processors instead of resolvers. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig, logger?: Logger): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        RuntimeModule.forRoot(config, 'worker', logger),
        DatabaseModule.forRoot(config.databaseUrl),
        QueueModule.forRoot({ redisUrl: config.redisUrl, databaseUrl: config.databaseUrl, schema: config.queueSchema, prefix: config.redisPrefix }),
        AuditModule,
        NotificationsJobsModule,
        BudgetsJobsModule,
      ],
    };
  }
}
