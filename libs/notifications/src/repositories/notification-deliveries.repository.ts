import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { managerOf, Transaction } from '@ashar/database';
import { DataSource } from 'typeorm';
import { NotificationDelivery } from '../entities/notification-delivery.entity';

export interface SmsCost {
  parts: number;
  costMinor: string;
  currency: string;
}

export type NewDelivery = Pick<NotificationDelivery, 'jobId' | 'channel' | 'recipient' | 'accountId' | 'locale' | 'templateKey' | 'params'> &
  Partial<Pick<NotificationDelivery, 'status' | 'provider' | 'sentAt'>>;

const COLUMNS = `id, job_id AS "jobId", channel, recipient, account_id AS "accountId", locale, template_key AS "templateKey",
  params, status, attempts, provider, provider_message_id AS "providerMessageId", last_error AS "lastError",
  claim_id AS "claimId", claimed_at AS "claimedAt", sent_at AS "sentAt", read_at AS "readAt",
  sms_parts AS "smsParts", cost_minor AS "costMinor", cost_currency AS "costCurrency",
  report_status AS "reportStatus", report_raw_status AS "reportRawStatus", reported_at AS "reportedAt",
  created_at AS "createdAt", updated_at AS "updatedAt"`;

/** Every statement on notification_deliveries. The status changes are single conditional UPDATEs: the claim is atomic. */
@Injectable()
export class NotificationDeliveriesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Inserts in the caller's transaction; the same job id twice keeps the first row (`created` false). */
  async insertOnce(tx: Transaction, row: NewDelivery): Promise<{ delivery: NotificationDelivery; created: boolean }> {
    const m = managerOf(tx);
    const result = await m.createQueryBuilder().insert().into(NotificationDelivery).values(row).orIgnore().returning(['id']).execute();
    const created = !!(result.raw as { id?: string }[])[0]?.id;
    const delivery = await m.findOneByOrFail(NotificationDelivery, { jobId: row.jobId });
    return { delivery, created };
  }

  byId(id: string): Promise<NotificationDelivery | null> {
    return this.db.getRepository(NotificationDelivery).findOneBy({ id });
  }

  private async update(sql: string, params: unknown[]): Promise<NotificationDelivery | null> {
    const [rows] = (await this.db.query(`UPDATE notification_deliveries SET updated_at = now(), ${sql} RETURNING ${COLUMNS}`, params)) as [NotificationDelivery[], number];
    return rows[0] ?? null;
  }

  /** PENDING -> SENDING for exactly one attempt (the one whose `claimId` is stored). */
  claim(id: string, claimId: string): Promise<NotificationDelivery | null> {
    return this.update(`status = 'SENDING', attempts = attempts + 1, claim_id = $2, claimed_at = now() WHERE id = $1 AND status = 'PENDING'`, [id, claimId]);
  }

  /** Takes over a SENDING row whose attempt has held it longer than `leaseMs` (that attempt was interrupted). */
  claimStale(id: string, claimId: string, leaseMs: number): Promise<NotificationDelivery | null> {
    return this.update(
      `status = 'SENDING', attempts = attempts + 1, claim_id = $2, claimed_at = now()
        WHERE id = $1 AND status = 'SENDING' AND claimed_at < now() - make_interval(secs => $3)`,
      [id, claimId, leaseMs / 1000],
    );
  }

  /** Only the holder of the claim records the outcome. */
  markSent(id: string, claimId: string, provider: string, providerMessageId: string | null, cost: SmsCost | null = null): Promise<NotificationDelivery | null> {
    return this.update(
      `status = 'SENT', sent_at = now(), provider = $3, provider_message_id = $4, last_error = NULL, claim_id = NULL,
        sms_parts = $5, cost_minor = $6, cost_currency = $7
        WHERE id = $1 AND claim_id = $2 AND status = 'SENDING'`,
      [id, claimId, provider, providerMessageId, cost?.parts ?? null, cost?.costMinor ?? null, cost?.currency ?? null],
    );
  }

  /** The SMS record a gateway's message id names (one SMS gateway at a time, so the id is its own). */
  async bySmsMessageId(providerMessageId: string): Promise<NotificationDelivery | null> {
    const rows = (await this.db.query(`SELECT ${COLUMNS} FROM notification_deliveries WHERE channel = 'sms' AND provider_message_id = $1 ORDER BY created_at LIMIT 1`, [providerMessageId])) as NotificationDelivery[];
    return rows[0] ?? null;
  }

  /**
   * Stores a delivery report. The same report again writes the same values (idempotent); a report older than
   * the stored one is ignored (null), so reports arriving out of order keep the latest.
   */
  recordReport(id: string, status: 'DELIVERED' | 'FAILED', rawStatus: string, at: Date): Promise<NotificationDelivery | null> {
    return this.update(
      `report_status = $2, report_raw_status = $3, reported_at = $4
        WHERE id = $1 AND (reported_at IS NULL OR reported_at <= $4)`,
      [id, status, rawStatus, at],
    );
  }

  /** Back to PENDING after a failure that will be retried. */
  release(id: string, claimId: string, provider: string, error: string): Promise<NotificationDelivery | null> {
    return this.update(`status = 'PENDING', provider = $3, last_error = $4, claim_id = NULL WHERE id = $1 AND claim_id = $2 AND status = 'SENDING'`, [id, claimId, provider, error]);
  }

  markFailed(id: string, claimId: string, provider: string, error: string): Promise<NotificationDelivery | null> {
    return this.update(`status = 'FAILED', provider = $3, last_error = $4, claim_id = NULL WHERE id = $1 AND claim_id = $2 AND status = 'SENDING'`, [id, claimId, provider, error]);
  }

  /** When the job has no retry left: a row still waiting becomes FAILED (a SENT one stays SENT). */
  failIfPending(id: string, error: string): Promise<NotificationDelivery | null> {
    return this.update(`status = 'FAILED', last_error = $2 WHERE id = $1 AND status = 'PENDING'`, [id, error]);
  }

  /** The account's in-app messages, newest first. */
  inbox(accountId: string, opts: { limit: number; unreadOnly: boolean }): Promise<NotificationDelivery[]> {
    const qb = this.db
      .getRepository(NotificationDelivery)
      .createQueryBuilder('d')
      .where(`d.accountId = :accountId AND d.channel = 'in_app'`, { accountId })
      .orderBy('d.createdAt', 'DESC')
      .addOrderBy('d.id', 'DESC')
      .limit(opts.limit);
    if (opts.unreadOnly) qb.andWhere('d.readAt IS NULL');
    return qb.getMany();
  }

  /** Sets the read mark of the account's own in-app message (kept from the first read); null when it is not theirs. */
  markRead(accountId: string, id: string): Promise<NotificationDelivery | null> {
    return this.update(`read_at = coalesce(read_at, now()) WHERE id = $1 AND account_id = $2 AND channel = 'in_app'`, [id, accountId]);
  }
}
