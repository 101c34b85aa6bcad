import { defineContext } from '@ashar/manifest';
import { NOTIFICATIONS_JOBS, NOTIFICATIONS_QUEUES } from './jobs/notifications.jobs';
import { NOTIFICATIONS_MIGRATIONS } from './migrations';
import { NOTIFICATIONS_ENTITIES, NotificationsJobsModule, NotificationsModule } from './notifications.module';
import { NOTIFICATIONS_OPERATION_POLICIES } from './notifications.operation-policies';

/** Notifications: in-app, email and SMS deliveries behind provider interfaces (identity sends through it). */
export const NOTIFICATIONS_MANIFEST = defineContext({
  name: 'notifications',
  apiModule: NotificationsModule,
  workerModule: NotificationsJobsModule,
  entities: NOTIFICATIONS_ENTITIES,
  migrations: NOTIFICATIONS_MIGRATIONS,
  queues: Object.values(NOTIFICATIONS_QUEUES),
  jobs: Object.values(NOTIFICATIONS_JOBS),
  operationPolicies: NOTIFICATIONS_OPERATION_POLICIES,
});
