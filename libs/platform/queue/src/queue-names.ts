/**
 * @deprecated Queue names belong to the context that owns them (declared with `defineQueue` in its
 * jobs file and listed in its manifest). Kept only until every producer enqueues with a
 * `JobDefinition` (`OutboxService.enqueueJob`); do not add to it.
 */
export const QUEUES = {
  notifications: 'notifications',
  imports: 'imports',
  exports: 'exports',
} as const;
export type QueueName = string;
