export * from './locale';
export * from './message-format';
export * from './translator';
export * from './translate';
export * from './english-words';
