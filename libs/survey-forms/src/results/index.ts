export * from './answer-set';
export * from './breakdown';
