import { Injectable } from '@nestjs/common';
import { managerOf, Transaction } from '@ashar/database';
import { SmsInboundMessage } from '../entities/sms-inbound-message.entity';

/** Every statement on sms_inbound_messages and sms_opt_outs. */
@Injectable()
export class SmsInboundRepository {
  /** Stores the message once per gateway id; null when that id was already stored (a repeat). */
  async insertOnce(tx: Transaction, row: Pick<SmsInboundMessage, 'gatewayMessageId' | 'fromPhone' | 'text' | 'action' | 'receivedAt'>): Promise<string | null> {
    const rows = (await managerOf(tx).query(
      `INSERT INTO sms_inbound_messages (gateway_message_id, from_phone, text, action, received_at) VALUES ($1, $2, $3, $4, $5)
        ON CONFLICT (gateway_message_id) DO NOTHING RETURNING id`,
      [row.gatewayMessageId, row.fromPhone, row.text, row.action, row.receivedAt],
    )) as { id: string }[];
    return rows[0]?.id ?? null;
  }

  /**
   * The same text from the same phone within `windowSeconds` of `at` under another gateway id (gateways re-deliver
   * under a new id after a timeout). Locks the phone for the transaction first, so two copies arriving together
   * cannot both miss each other.
   */
  async recentSame(tx: Transaction, fromPhone: string, text: string, at: Date, windowSeconds: number): Promise<{ id: string; action: string | null } | null> {
    const m = managerOf(tx);
    await m.query(`SELECT pg_advisory_xact_lock(hashtext('sms_inbound:' || $1))`, [fromPhone]);
    const rows = (await m.query(
      `SELECT id, action FROM sms_inbound_messages WHERE from_phone = $1 AND text = $2 AND received_at BETWEEN $3::timestamptz - make_interval(secs => $4) AND $3::timestamptz + make_interval(secs => $4)
        ORDER BY received_at LIMIT 1`,
      [fromPhone, text, at, windowSeconds],
    )) as { id: string; action: string | null }[];
    return rows[0] ?? null;
  }

  async byGatewayId(tx: Transaction, gatewayMessageId: string): Promise<{ id: string; action: string | null } | null> {
    const rows = (await managerOf(tx).query(`SELECT id, action FROM sms_inbound_messages WHERE gateway_message_id = $1`, [gatewayMessageId])) as { id: string; action: string | null }[];
    return rows[0] ?? null;
  }

  /** What a reply handler did with the message (participation: VOTE, VOTE_REFUSED). */
  async setAction(tx: Transaction, id: string, action: string): Promise<void> {
    await managerOf(tx).query(`UPDATE sms_inbound_messages SET action = $2 WHERE id = $1`, [id, action]);
  }

  /** `work` inside a savepoint: its writes are undone when it throws, the rest of the transaction is kept. */
  async inSavepoint<T>(tx: Transaction, name: string, work: () => Promise<T>): Promise<T> {
    const m = managerOf(tx);
    await m.query(`SAVEPOINT ${name}`);
    try {
      const out = await work();
      await m.query(`RELEASE SAVEPOINT ${name}`);
      return out;
    } catch (e) {
      await m.query(`ROLLBACK TO SAVEPOINT ${name}`);
      throw e;
    }
  }

  async optOut(tx: Transaction, phone: string, inboundMessageId: string): Promise<void> {
    await managerOf(tx).query(`INSERT INTO sms_opt_outs (phone, inbound_message_id) VALUES ($1, $2) ON CONFLICT (phone) DO NOTHING`, [phone, inboundMessageId]);
  }

  async optIn(tx: Transaction, phone: string): Promise<void> {
    await managerOf(tx).query(`DELETE FROM sms_opt_outs WHERE phone = $1`, [phone]);
  }

  async isOptedOut(tx: Transaction, phone: string): Promise<boolean> {
    const rows = (await managerOf(tx).query(`SELECT 1 FROM sms_opt_outs WHERE phone = $1`, [phone])) as unknown[];
    return rows.length > 0;
  }
}
