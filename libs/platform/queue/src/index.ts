export * from './queue-names';
export * from './queue-backend';
export * from './outbox-message.entity';
export * from './outbox.service';
export * from './outbox-relay';
export * from './queue.module';
export * from './final-failure';
export * from './job';
