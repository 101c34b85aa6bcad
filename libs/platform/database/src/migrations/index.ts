import { Foundation1795430736556 } from './1795430736556-foundation.migration';

// Ordered schema history. Generate the next with `npm run cli -- migration-generate <Name>` and add it here.
export const MIGRATIONS: Function[] = [Foundation1795430736556];
