// Node-only helpers (file streams). Not exported from index.ts so that the engine stays browser-safe.
export * from './pabulib/read-pabulib-file';
