/**
 * @deprecated Nothing in the platform reads this: queues are registered from the contexts' manifests.
 * It only keeps producer code written before the manifests compiling while the contexts move to their
 * own declarations (`BUDGETS_QUEUES`, the notifications library's queue) and to `enqueueJob` with a
 * `JobDefinition`. Do not add to it; delete it once `git grep "QUEUES\\."` finds no user.
 */
export const QUEUES = {
  notifications: 'notifications',
  imports: 'imports',
  exports: 'exports',
} as const;
export type QueueName = string;
