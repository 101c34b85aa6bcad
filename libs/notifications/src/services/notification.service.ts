import { Injectable } from '@nestjs/common';
import { Actor } from '@ashar/auth';
import { Transaction } from '@ashar/database';
import { hasTranslation, isLocale, Locale } from '@ashar/i18n';
import { InvalidInputError, NotFoundError, UnauthenticatedError, uuidOrNotFound } from '@ashar/kernel';
import { OutboxRelay, OutboxService } from '@ashar/queue';
import { AppConfig } from '@ashar/kernel';
import { InjectConfig } from '@ashar/runtime';
import { sealParam } from './sealed-params';
import { NotificationChannel, NotificationDelivery, NotificationParams } from '../entities/notification-delivery.entity';
import { DELIVER_NOTIFICATION_JOB } from '../jobs/deliver-notification.job';
import { NotificationDeliveriesRepository } from '../repositories/notification-deliveries.repository';
import { NotificationPreferencesRepository } from '../repositories/notification-preferences.repository';
import { SmsInboundRepository } from '../repositories/sms-inbound.repository';

export interface NotificationRecipient {
  accountId?: string | null;
  phone?: string | null;
  email?: string | null;
}

export interface SendNotificationRequest {
  recipient: NotificationRecipient;
  /** One channel, or channels in order of preference: the first the recipient has an address for is used. */
  channel: NotificationChannel | readonly NotificationChannel[];
  /** A key of the shared catalogue (libs/shared/i18n); `<key>.subject` is the email subject when present. */
  templateKey: string;
  params: NotificationParams;
  /** The recipient's language; unknown = Kyrgyz, the platform's default. */
  locale?: string | null;
  /** Same key, same message: a second call returns the first record and sends nothing more. No ':'. */
  idempotencyKey: string;
  /**
   * Params that are one-time secrets (a code, an unlock link): stored sealed with the server's key and
   * opened only by the worker to write the message. Email and SMS only (an in-app message is read from its record).
   */
  secretParams?: readonly string[];
  /** The kind of notice (a registered `NotificationKinds` kind): a recipient who opted out of it gets nothing. */
  kind?: string;
}

const PHONE = /^\+[1-9]\d{6,14}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const INBOX_MAX = 100;

/** The address of `channel` for this recipient, or null when it has none. */
function addressOf(channel: NotificationChannel, r: NotificationRecipient): string | null {
  if (channel === 'in_app') return r.accountId ?? null;
  if (channel === 'sms') return r.phone && PHONE.test(r.phone) ? r.phone : null;
  return r.email && EMAIL.test(r.email) ? r.email.toLowerCase() : null;
}

/** What every context calls to tell a person something (in-app, email or SMS). */
@Injectable()
export class NotificationService {
  constructor(
    private readonly deliveries: NotificationDeliveriesRepository,
    private readonly outbox: OutboxService,
    private readonly relay: OutboxRelay,
    @InjectConfig() private readonly config: AppConfig,
    private readonly preferences: NotificationPreferencesRepository,
    private readonly smsInbound: SmsInboundRepository,
  ) {}

  /**
   * Records the message in the caller's transaction, so it exists if and only if the caller's write
   * commits. Email and SMS then go out through the `notifications.deliver` job (outbox); in-app is
   * delivered by the record itself. Null when the recipient has no address on any allowed channel, or
   * opted out of the request's `kind`.
   */
  async send(tx: Transaction, req: SendNotificationRequest): Promise<NotificationDelivery | null> {
    if (!hasTranslation(req.templateKey)) throw new Error(`Notification template ${req.templateKey} is not in the catalogue`);
    if (!/^[A-Za-z0-9._-]{1,200}$/.test(req.idempotencyKey)) throw new Error(`Notification idempotency key must be 1-200 of [A-Za-z0-9._-] (${req.idempotencyKey})`);
    let channels = typeof req.channel === 'string' ? [req.channel] : req.channel;
    // A phone that answered STOP gets no SMS of a registered kind (the next channel is tried); codes and
    // notices without a kind, which the person asked for, still go.
    const phone = addressOf('sms', req.recipient);
    if (req.kind && phone && channels.includes('sms') && (await this.smsInbound.isOptedOut(tx, phone))) channels = channels.filter((c) => c !== 'sms');
    const channel = channels.find((c) => addressOf(c, req.recipient));
    if (!channel) return null;
    if (req.kind && req.recipient.accountId && (await this.preferences.isOptedOut(tx, req.recipient.accountId, req.kind))) return null;
    const locale: Locale = isLocale(req.locale) ? req.locale : 'ky';
    const inApp = channel === 'in_app';
    const secret = req.secretParams ?? [];
    if (secret.length && inApp) throw new Error(`Notification ${req.templateKey}: secret params are for email and SMS only`);
    const params = { ...req.params };
    for (const name of secret) {
      if (typeof params[name] !== 'string') throw new Error(`Notification ${req.templateKey}: secret param ${name} must be a string`);
      params[name] = sealParam(params[name] as string, this.config.jwtSecret);
    }
    const { delivery, created } = await this.deliveries.insertOnce(tx, {
      jobId: req.idempotencyKey,
      channel,
      recipient: addressOf(channel, req.recipient)!,
      accountId: req.recipient.accountId ?? null,
      locale,
      templateKey: req.templateKey,
      params,
      ...(inApp ? { status: 'SENT' as const, provider: 'in-app', sentAt: new Date() } : {}),
    });
    if (created && !inApp) await this.outbox.enqueueJob(tx, DELIVER_NOTIFICATION_JOB, { deliveryId: delivery.id }, req.idempotencyKey);
    return delivery;
  }

  /** Call after the caller's transaction committed: hands its jobs to the queue now, not at the next poll. */
  dispatchSoon(): void {
    void this.relay.kick();
  }

  /** The signed-in account's in-app messages, newest first. */
  inbox(actor: Actor, opts: { limit?: number | null; unreadOnly?: boolean | null }): Promise<NotificationDelivery[]> {
    if (!actor.accountId) throw new UnauthenticatedError();
    const limit = opts.limit ?? 20;
    if (!Number.isInteger(limit) || limit < 1 || limit > INBOX_MAX) throw new InvalidInputError('limit', 'errors.validation.invalid');
    return this.deliveries.inbox(actor.accountId, { limit, unreadOnly: !!opts.unreadOnly });
  }

  /** Only the recipient may mark a message read; anybody else's id answers NOT_FOUND (ids are not confirmed). */
  async markRead(actor: Actor, id: string): Promise<NotificationDelivery> {
    if (!actor.accountId) throw new UnauthenticatedError();
    const row = await this.deliveries.markRead(actor.accountId, uuidOrNotFound('Notification', id));
    if (!row) throw new NotFoundError('Notification', id);
    return row;
  }
}
