import { Threads1796226302026 } from './1796226302026-threads.migration';

/** Threads' tables; the manifest list orders every context's migrations by timestamp. */
export const THREADS_MIGRATIONS = [Threads1796226302026];
