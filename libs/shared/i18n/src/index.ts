export * from './locale';
export * from './message-format';
export * from './translate';
export * from './english-words';
