import { Competitions1796640000000 } from './1796640000000-competitions.migration';
import { CompetitionFiles1796800000000 } from './1796800000000-competition-files.migration';

/** Competitions' schema history; the manifest list orders every context's migrations by timestamp. */
export const COMPETITIONS_MIGRATIONS = [Competitions1796640000000, CompetitionFiles1796800000000];
