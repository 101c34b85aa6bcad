import { RateLimitCounter } from '@ashar/auth';
import { AuditEvent } from '@ashar/audit';
import { BUDGETS_ENTITIES } from '@ashar/budgets';
import { IDENTITY_ENTITIES } from '@ashar/identity';
import { OutboxMessage } from '@ashar/queue';
import { TERRITORY_ENTITIES } from '@ashar/territory';
import { THREADS_ENTITIES } from '@ashar/threads';

/** Every entity of every context: what migrations must produce (checked by the drift test). */
export const ALL_ENTITIES = [AuditEvent, OutboxMessage, RateLimitCounter, ...TERRITORY_ENTITIES, ...IDENTITY_ENTITIES, ...THREADS_ENTITIES, ...BUDGETS_ENTITIES];
