export * from './request-context';
export * from './loader-registry';
export * from './error-formatter';
export * from './validation.pipe';
export * from './query-limits.plugin';
export * from './localized-text.type';
export * from './lang.scalar';
export * from './service-unavailable';
