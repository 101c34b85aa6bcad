import { Processor, WorkerHost } from '@nestjs/bullmq';
import { InjectDataSource } from '@nestjs/typeorm';
import { QUEUES } from '@ashar/queue';
import { InjectAppLogger } from '@ashar/runtime';
import { Job } from 'bullmq';
import { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { NotificationDelivery } from '../entities/notification-delivery.entity';
import { INVITATION_NOTIFY_JOB, InvitationNotifyPayload } from '../services/invitation.service';

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
    if (job.name !== INVITATION_NOTIFY_JOB) throw new Error(`Unknown notification job ${job.name}`);
    const p = job.data as InvitationNotifyPayload;
    const channel = p.recipient.includes('@') ? 'email' : /^\+\d+$/.test(p.recipient) ? 'sms' : 'log';
    const result = await this.db
      .createQueryBuilder()
      .insert()
      .into(NotificationDelivery)
      .values({
        jobId: job.id ?? `invitation-notify.${p.invitationId}`,
        channel,
        recipient: p.recipient,
        templateKey: 'notifications.invitation',
        params: { link: p.link, role: p.role, communityId: p.communityId },
      })
      .orIgnore()
      .execute();
    const delivered = (result.identifiers?.length ?? 0) > 0 && !!result.identifiers[0];
    if (delivered) this.log.info({ channel, invitationId: p.invitationId }, 'invitation notification delivered');
    return { delivered };
  }
}
