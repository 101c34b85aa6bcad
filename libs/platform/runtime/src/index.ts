export * from './runtime.module';
export * from './logger';
