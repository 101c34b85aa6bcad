/**
 * `@ashar/kernel/entry`: what the web needs to read what people type (numbers, phone numbers), without
 * the rest of the kernel (class-validator, configuration) in the browser bundle.
 */
export * from './numbers';
export * from './phone';
