export * from './timestamped.entity';
export * from './snake-naming.strategy';
export * from './column-transformers';
export * from './data-source-options';
export * from './database.module';
export * from './migrations';
export * from './pg-errors';
export * from './transaction';
