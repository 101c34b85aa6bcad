import { DelayedJobs } from './delayed-jobs';
import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboxMessage } from './outbox-message.entity';
import { OutboxRelay } from './outbox-relay';
import { OutboxService } from './outbox.service';
import { OutboxMessagesRepository } from './repositories/outbox-messages.repository';
import { configureQueueBackend, QueueBackendKind } from './queue-backend';
import { mergeQueueDeclarations, QueueDeclaration } from './queue-declaration';
import { QUEUE_BACKEND_KIND, QUEUE_CONNECTION, QUEUE_DECLARATIONS, QueueConnection } from './queue.tokens';


@Global()
@Module({})
export class QueueModule {
  /**
   * `queues`: every queue the contexts' manifests declare (the app passes them; the platform knows
   * none). Workers are not started here: `JobWorkerModule` (worker app only) does that.
   */
  static forRoot(opts: { redisUrl: string | null; databaseUrl: string; schema: string; poolMax?: number; prefix?: string; queues: ReadonlyArray<QueueDeclaration> }): DynamicModule {
    const backend = configureQueueBackend(opts);
    const queues = mergeQueueDeclarations([opts.queues]);
    const connection: QueueConnection = { connection: backend.connection, prefix: opts.prefix ?? 'ashar' };
    return {
      module: QueueModule,
      imports: [
        TypeOrmModule.forFeature([OutboxMessage]),
        // Manual registration: legacy @Processor classes get their BullMQ Worker from the JobDispatcher,
        // after it has checked them against the @HandlesJob handlers (an API process starts none).
        BullModule.forRoot({ connection: backend.connection as never, prefix: connection.prefix, extraOptions: { manualRegistration: true } }),
        ...queues.map((q) => BullModule.registerQueue({ name: q.name })),
      ],
      providers: [
        OutboxMessagesRepository,
        OutboxService,
        OutboxRelay,
        DelayedJobs,
        { provide: QUEUE_BACKEND_KIND, useValue: backend.kind as QueueBackendKind },
        { provide: QUEUE_DECLARATIONS, useValue: queues },
        { provide: QUEUE_CONNECTION, useValue: connection },
      ],
      exports: [OutboxService, OutboxRelay, DelayedJobs, BullModule, QUEUE_BACKEND_KIND, QUEUE_DECLARATIONS, QUEUE_CONNECTION],
    };
  }
}
