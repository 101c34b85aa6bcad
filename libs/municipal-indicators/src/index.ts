export * from './domain';
export * from './domain/export-rows';
export * from './entities';
export * from './municipal-indicators.permissions';
export * from './municipal-indicators.operation-policies';
export * from './municipal-indicators.module';
export * from './services/indicators.service';
export * from './municipal-indicators.manifest';
