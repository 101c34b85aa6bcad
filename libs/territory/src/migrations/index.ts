import { CommunitySlugs1796310000000 } from './1796310000000-community-slugs.migration';

/** Territory's schema history after the foundation (which created its tables); the manifest list orders every context's by timestamp. */
export const TERRITORY_MIGRATIONS = [CommunitySlugs1796310000000];
