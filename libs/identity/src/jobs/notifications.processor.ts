import { Processor, WorkerHost } from '@nestjs/bullmq';
import { InjectDataSource } from '@nestjs/typeorm';
import { QUEUES } from '@ashar/queue';
import { InjectAppLogger } from '@ashar/runtime';
import { Job } from 'bullmq';
import { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { NotificationDelivery } from '../entities/notification-delivery.entity';
import { INVITATION_NOTIFY_JOB, InvitationNotifyPayload } from '../services/invitation.service';
import { SIGN_IN_UNLOCK_JOB, SignInUnlockPayload } from '../services/sign-in-throttle.service';

const channelOf = (recipient: string) => (recipient.includes('@') ? 'email' : /^\+\d+$/.test(recipient) ? 'sms' : 'log');

/**
 * Sends notifications. SMS and email gateways are outside the platform: until one is configured
 * the message is logged and recorded. Idempotent: the delivery row is unique per job id, so a
 * retried or duplicated job sends once.
 */
@Processor(QUEUES.notifications, { concurrency: 10 })
export class NotificationsProcessor extends WorkerHost {
  constructor(@InjectDataSource() private readonly db: DataSource, @InjectAppLogger() private readonly log: Logger) {
    super();
  }

  async process(job: Job): Promise<{ delivered: boolean }> {
    if (job.name === INVITATION_NOTIFY_JOB) {
      const p = job.data as InvitationNotifyPayload;
      return this.deliver(job.id ?? `invitation-notify.${p.invitationId}`, p.recipient, 'notifications.invitation', { link: p.link, role: p.role, communityId: p.communityId }, { invitationId: p.invitationId });
    }
    if (job.name === SIGN_IN_UNLOCK_JOB) {
      const p = job.data as SignInUnlockPayload;
      return this.deliver(job.id ?? `sign-in-unlock.${p.unlockId}`, p.recipient, 'notifications.signInUnlock', { link: p.link, hours: p.hours }, { unlockId: p.unlockId });
    }
    throw new Error(`Unknown notification job ${job.name}`);
  }

  private async deliver(jobId: string, recipient: string, templateKey: string, params: Record<string, unknown>, logContext: Record<string, unknown>) {
    const channel = channelOf(recipient);
    const result = await this.db
      .createQueryBuilder()
      .insert()
      .into(NotificationDelivery)
      .values({ jobId, channel, recipient, templateKey, params: params as never })
      .orIgnore()
      .execute();
    const delivered = (result.identifiers?.length ?? 0) > 0 && !!result.identifiers[0];
    if (delivered) this.log.info({ channel, templateKey, ...logContext }, 'notification delivered');
    return { delivered };
  }
}
