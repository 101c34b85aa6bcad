export * from './unit-level';
export * from './classifier-rows';
