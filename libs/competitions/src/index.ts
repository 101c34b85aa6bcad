export * from './competitions.manifest';
export * from './competitions.module';
export * from './competitions.permissions';
export * from './services/call.service';
export * from './services/results.service';
export * from './services/competitions-clock';
