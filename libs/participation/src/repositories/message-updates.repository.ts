import { managerOf, Transaction } from '@ashar/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** `pb_message_updates`: who asked for a process's notices by SMS or email. */
@Injectable()
export class MessageUpdatesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async set(tx: Transaction, processId: string, accountId: string, on: boolean): Promise<boolean> {
    const m = managerOf(tx);
    const rows: unknown[] = on
      ? await m.query(`INSERT INTO pb_message_updates (process_id, account_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING 1`, [processId, accountId])
      : await m.query(`DELETE FROM pb_message_updates WHERE process_id = $1 AND account_id = $2 RETURNING 1`, [processId, accountId]);
    return rows.length > 0;
  }

  async askedBy(accountId: string, processIds: readonly string[]): Promise<Set<string>> {
    const rows: Array<{ process_id: string }> = await this.db.query(`SELECT process_id FROM pb_message_updates WHERE account_id = $1 AND process_id = ANY($2)`, [accountId, [...processIds]]);
    return new Set(rows.map((r) => r.process_id));
  }

  /** Everyone who asked, ordered (a retried notice job walks the same list). */
  async accountsOf(processId: string): Promise<string[]> {
    const rows: Array<{ account_id: string }> = await this.db.query(`SELECT account_id FROM pb_message_updates WHERE process_id = $1 ORDER BY account_id`, [processId]);
    return rows.map((r) => r.account_id);
  }
}
