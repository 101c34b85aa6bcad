/**
 * `@ashar/i18n/core`: the i18n library without its catalogues, for the web bundle, which loads the one
 * catalogue it shows with `loadCatalogue`. The API and tests use `@ashar/i18n` (every catalogue at once).
 */
export * from './locale';
export * from './message-format';
export * from './translator';
export * from './load-catalogue';
