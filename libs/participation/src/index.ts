export * from './participation.manifest';
export * from './participation.module';
export * from './participation.permissions';
export * from './services/process.service';
export * from './services/results.service';
export * from './domain/election';
