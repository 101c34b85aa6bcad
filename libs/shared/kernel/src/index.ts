export * from './errors';
export * from './money';
export * from './search-fold';
export * from './pagination';
export * from './config';
export * from './csv';
export * from './safe-text';
