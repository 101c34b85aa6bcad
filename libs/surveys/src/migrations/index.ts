import { Surveys1796900000000 } from './1796900000000-surveys.migration';

/** Surveys' schema history; the manifest list orders every context's migrations by timestamp. */
export const SURVEYS_MIGRATIONS = [Surveys1796900000000];
