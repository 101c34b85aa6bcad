export * from './unit-level';
export * from './classifier-rows';
export * from './slug';
