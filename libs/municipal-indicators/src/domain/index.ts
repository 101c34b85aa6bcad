export * from './indicators';
export * from './survey-mapping';
