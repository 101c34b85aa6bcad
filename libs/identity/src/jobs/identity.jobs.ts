import { defineJob, defineQueue } from '@ashar/queue';
import type { InvitationNotifyPayload } from '../services/invitation.service';
import type { SignInUnlockPayload } from '../services/sign-in-throttle.service';

/** Identity's queue and jobs. Names are stored in queues and outbox rows: never rename one. */
export const IDENTITY_QUEUES = {
  // Light, I/O-bound sends: many at a time.
  notifications: defineQueue('notifications', { concurrency: 10 }),
} as const;

export const IDENTITY_JOBS = {
  invitationNotify: defineJob<InvitationNotifyPayload>('invitation.notify', IDENTITY_QUEUES.notifications),
  signInUnlockNotify: defineJob<SignInUnlockPayload>('sign-in-unlock.notify', IDENTITY_QUEUES.notifications),
} as const;
