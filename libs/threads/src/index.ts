export * from './entities';
export * from './thread-policy';
export * from './threads.rate-limits';
export * from './threads.module';
export * from './services/thread.service';
export * from './services/thread-policy.registry';
export * from './dtos';
