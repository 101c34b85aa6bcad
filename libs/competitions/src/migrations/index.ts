import { Competitions1796640000000 } from './1796640000000-competitions.migration';

/** Competitions' schema history; the manifest list orders every context's migrations by timestamp. */
export const COMPETITIONS_MIGRATIONS = [Competitions1796640000000];
