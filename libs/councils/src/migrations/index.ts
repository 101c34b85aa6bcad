import { Councils1796600000000 } from './1796600000000-councils.migration';

/** Councils' schema history; the manifest list orders every context's migrations by timestamp. */
export const COUNCILS_MIGRATIONS = [Councils1796600000000];
