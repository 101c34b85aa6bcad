export * from './councils.manifest';
export * from './councils.module';
export * from './councils.permissions';
export * from './services/body.service';
export * from './domain/decision-rule';
export * from './domain/search-text';
