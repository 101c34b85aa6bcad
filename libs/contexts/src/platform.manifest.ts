import { RateLimitCounter } from '@ashar/auth';
import { PLATFORM_MIGRATIONS } from '@ashar/database';
import { defineContext } from '@ashar/manifest';
import { OutboxMessage } from '@ashar/queue';

/**
 * The platform's own tables (outbox, rate-limit counters) and the migrations no context owns (the
 * foundation, the application role's grants). Its Nest modules are composed by each app directly.
 */
export const PLATFORM_MANIFEST = defineContext({
  name: 'platform',
  entities: [OutboxMessage, RateLimitCounter],
  migrations: PLATFORM_MIGRATIONS,
});
