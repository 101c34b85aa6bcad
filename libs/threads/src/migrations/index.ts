import { Threads1796226302026 } from './1796226302026-threads.migration';

export { Threads1796226302026 };

/** The threads library's schema history, oldest first (for the context manifest). */
export const THREADS_MIGRATIONS: Function[] = [Threads1796226302026];
