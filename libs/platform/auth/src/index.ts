export * from './role';
export * from './actor';
export * from './access-token';
export * from './current-actor.decorator';
export * from './permission.service';
export * from './rate-limiter';
export * from './auth-platform.module';
export * from './rate-limit-counter.entity';
