export * from './context-manifest';
export * from './compose-contexts';
