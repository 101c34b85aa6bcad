export * from './answer-set';
export * from './breakdown';
export * from './codebook';
export * from './answer-table';
export * from './spss';
