import { Foundation1795430736556 } from './1795430736556-foundation.migration';
import { AppRole1796215963848 } from './1796215963848-app-role.migration';

/**
 * The migrations no single context owns: the foundation (the first schema, tables of audit, territory,
 * identity and the platform at once) and the grants of the application role over every table. Each
 * context keeps its own in `libs/<context>/src/migrations` and lists them in its manifest; the
 * manifest list orders them all by timestamp.
 */
export const PLATFORM_MIGRATIONS = [Foundation1795430736556, AppRole1796215963848];
