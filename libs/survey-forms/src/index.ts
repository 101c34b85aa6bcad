export * from './expression';
export * from './form';
export * from './answers';
export * from './quota';
export * from './suppression';
export * from './results';
