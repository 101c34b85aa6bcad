import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboxMessage } from './outbox-message.entity';
import { OutboxRelay } from './outbox-relay';
import { OutboxService } from './outbox.service';
import { configureQueueBackend, QueueBackendKind } from './queue-backend';
import { ALL_QUEUES } from './queue-names';

export const QUEUE_BACKEND_KIND = Symbol('QUEUE_BACKEND_KIND');

@Global()
@Module({})
export class QueueModule {
  static forRoot(opts: { redisUrl: string | null; databaseUrl: string; schema: string; prefix?: string }): DynamicModule {
    const backend = configureQueueBackend(opts);
    return {
      module: QueueModule,
      imports: [
        TypeOrmModule.forFeature([OutboxMessage]),
        BullModule.forRoot({ connection: backend.connection as never, prefix: opts.prefix ?? 'ashar' }),
        ...ALL_QUEUES.map((name) => BullModule.registerQueue({ name })),
      ],
      providers: [OutboxService, OutboxRelay, { provide: QUEUE_BACKEND_KIND, useValue: backend.kind as QueueBackendKind }],
      exports: [OutboxService, OutboxRelay, BullModule, QUEUE_BACKEND_KIND],
    };
  }
}
