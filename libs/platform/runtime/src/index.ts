export * from './runtime.module';
export * from './logger';
export * from './load-config-or-exit';
