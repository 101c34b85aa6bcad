import { AUDIT_MANIFEST } from '@ashar/audit';
import { BUDGETS_MANIFEST } from '@ashar/budgets';
import { COUNCILS_MANIFEST } from '@ashar/councils';
import { COMPETITIONS_MANIFEST } from '@ashar/competitions';
import { IDENTITY_MANIFEST } from '@ashar/identity';
import { MUNICIPAL_INDICATORS_MANIFEST } from '@ashar/municipal-indicators';
import { NOTIFICATIONS_MANIFEST } from '@ashar/notifications';
import { PARTICIPATION_MANIFEST } from '@ashar/participation';
import { composeContexts, ContextManifest } from '@ashar/manifest';
import { SURVEYS_MANIFEST } from '@ashar/surveys';
import { TERRITORY_MANIFEST } from '@ashar/territory';
import { THREADS_MANIFEST } from '@ashar/threads';
import { PLATFORM_MANIFEST } from './platform.manifest';

/**
 * Every context of the platform: the one list the api, the worker, the cli and the test harness read.
 * Adding a context is its library and one line here. Order matters for modules and seeds only (a
 * context after those it depends on); migrations are ordered by timestamp whatever the order here.
 */
export const CONTEXTS: readonly ContextManifest[] = [
  PLATFORM_MANIFEST,
  AUDIT_MANIFEST,
  TERRITORY_MANIFEST,
  NOTIFICATIONS_MANIFEST,
  IDENTITY_MANIFEST,
  THREADS_MANIFEST,
  BUDGETS_MANIFEST,
  PARTICIPATION_MANIFEST,
  COUNCILS_MANIFEST,
  COMPETITIONS_MANIFEST,
  SURVEYS_MANIFEST,
  MUNICIPAL_INDICATORS_MANIFEST,
];

export { PLATFORM_MANIFEST };
export { composeContexts };
export type { ComposedContexts, ContextManifest } from '@ashar/manifest';
