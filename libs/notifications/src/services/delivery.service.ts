import { Injectable } from '@nestjs/common';
import { AppConfig } from '@ashar/kernel';
import { InjectAppLogger, InjectConfig } from '@ashar/runtime';
import { randomUUID } from 'crypto';
import type { Logger } from 'pino';
import { NotificationDelivery } from '../entities/notification-delivery.entity';
import { ChannelProviders } from '../providers/channel-providers';
import { AmbiguousDeliveryError, PermanentDeliveryError, ProviderReceipt, TransientDeliveryError } from '../providers/notification-provider';
import { NotificationDeliveriesRepository, SmsCost } from '../repositories/notification-deliveries.repository';
import { smsEstimate } from '../domain/sms-cost';
import { renderNotification } from './notification-renderer';
import { unsealParams } from './sealed-params';

export type DeliveryOutcome = 'sent' | 'already-sent' | 'failed' | 'missing';

/**
 * Margin past the provider's timeout after which a SENDING record counts as interrupted: covers
 * rendering and recording SENT (three tries), which take well under a second.
 */
const LEASE_MARGIN_MS = 15_000;
const WAIT_STEP_MS = 250;
const RECORD_TRIES = 3;

/** Another attempt held the record for longer than its lease and the wait; the job is retried later. */
export class DeliveryInFlightError extends Error {
  override name = 'DeliveryInFlightError';
}

/**
 * Sends one delivery record, at most once. The attempt first claims the record (PENDING -> SENDING in
 * one conditional UPDATE, so duplicate jobs cannot both pass), calls the provider outside any
 * transaction, and records SENT before the job is acknowledged. A SENT record is never sent again.
 * When the outcome is unknown (a gateway timeout after the request went out, or an attempt that died
 * while SENDING) the record becomes FAILED with the reason, unless the provider is idempotent (the
 * gateway drops a repeated Idempotency-Key): missing a message is preferred to sending it twice.
 */
@Injectable()
export class DeliveryService {
  constructor(
    private readonly deliveries: NotificationDeliveriesRepository,
    private readonly providers: ChannelProviders,
    @InjectAppLogger() private readonly log: Logger,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  async deliver(deliveryId: string): Promise<DeliveryOutcome> {
    const claimId = randomUUID();
    const started = Date.now();
    for (;;) {
      const claimed = await this.deliveries.claim(deliveryId, claimId);
      if (claimed) return this.send(claimed, claimId);
      const current = await this.deliveries.byId(deliveryId);
      if (!current) return 'missing';
      if (current.status === 'SENT' || current.channel === 'in_app') return 'already-sent';
      if (current.status === 'FAILED') return 'failed';
      if (current.status === 'PENDING') continue;
      // SENDING: another attempt holds the record. Wait for its outcome while its lease runs (waiting here,
      // not in job retries, so the retries cannot run out before the lease does).
      const provider = this.providers.for(current.channel);
      const leaseMs = provider.timeoutMs + LEASE_MARGIN_MS;
      const stale = await this.deliveries.claimStale(deliveryId, claimId, leaseMs);
      if (!stale) {
        if (Date.now() - started > leaseMs + LEASE_MARGIN_MS) throw new DeliveryInFlightError(`delivery ${deliveryId} is being sent by another attempt`);
        await new Promise((r) => setTimeout(r, WAIT_STEP_MS));
        continue;
      }
      if (!provider.idempotent) {
        await this.deliveries.markFailed(deliveryId, claimId, provider.name, 'ambiguous: an earlier attempt stopped while sending; not repeated, so the message is not sent twice');
        return 'failed';
      }
      return this.send(stale, claimId);
    }
  }

  /** When the job has no retry left. */
  async failForGood(deliveryId: string, err: Error): Promise<void> {
    await this.deliveries.failIfPending(deliveryId, `no retry left: ${err.message}`.slice(0, 2000));
  }

  private async send(row: NotificationDelivery, claimId: string): Promise<DeliveryOutcome> {
    if (row.channel === 'in_app') throw new Error('in-app notifications are delivered when recorded');
    const provider = this.providers.for(row.channel);
    const { subject, text } = renderNotification(row.templateKey, unsealParams(row.params, this.config.jwtSecret), row.locale);
    let receipt: ProviderReceipt;
    try {
      receipt = await provider.send({ deliveryId: row.id, channel: row.channel, to: row.recipient, subject, text });
    } catch (e) {
      const err = e instanceof Error ? e : new Error(String(e));
      const message = err.message.slice(0, 2000);
      const retry = err instanceof TransientDeliveryError || (err instanceof AmbiguousDeliveryError && provider.idempotent);
      if (!retry) {
        const reason = err instanceof AmbiguousDeliveryError ? `ambiguous: ${message}; not repeated, so the message is not sent twice` : message;
        await this.deliveries.markFailed(row.id, claimId, provider.name, reason);
        this.log.warn({ deliveryId: row.id, channel: row.channel, permanent: err instanceof PermanentDeliveryError }, 'notification failed for good');
        return 'failed';
      }
      await this.deliveries.release(row.id, claimId, provider.name, message);
      throw err;
    }
    // What left the platform is the rendered text: its parts are what the gateway bills.
    let cost: SmsCost | null = null;
    if (row.channel === 'sms') {
      const e = smsEstimate(text, 1, this.config.notifications.smsPrice);
      cost = { parts: e.parts, costMinor: e.costMinor, currency: e.currency };
    }
    await this.recordSent(row, claimId, provider.name, receipt.providerMessageId, cost);
    this.log.info({ deliveryId: row.id, channel: row.channel, templateKey: row.templateKey, provider: provider.name }, 'notification sent');
    return 'sent';
  }

  /**
   * The message is out: recording that must not be lost to a brief database hiccup, since a record
   * left SENDING is later treated as "outcome unknown".
   */
  private async recordSent(row: NotificationDelivery, claimId: string, provider: string, providerMessageId: string | null, cost: SmsCost | null): Promise<void> {
    for (let i = 1; ; i++) {
      try {
        await this.deliveries.markSent(row.id, claimId, provider, providerMessageId, cost);
        return;
      } catch (err) {
        if (i >= RECORD_TRIES) throw err;
        await new Promise((r) => setTimeout(r, 250 * i));
      }
    }
  }
}
