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

  async byGatewayId(tx: Transaction, gatewayMessageId: string): Promise<{ id: string; action: string | null } | null> {
    const rows = (await managerOf(tx).query(`SELECT id, action FROM sms_inbound_messages WHERE gateway_message_id = $1`, [gatewayMessageId])) as { id: string; action: string | null }[];
    return rows[0] ?? null;
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
