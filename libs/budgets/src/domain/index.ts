export * from './types';
export * from './totals';
export * from './execution';
export * from './version-diff';
export * from './workflow';
export * from './import-rows';
export * from './fiscal-data-package';
export * from './import-preview';
