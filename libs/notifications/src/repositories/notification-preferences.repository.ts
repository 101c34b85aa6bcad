import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { managerOf, Transaction } from '@ashar/database';
import { DataSource } from 'typeorm';
import { NotificationPreference } from '../entities/notification-preference.entity';

/** Every statement on notification_preferences. */
@Injectable()
export class NotificationPreferencesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  ofAccount(accountId: string): Promise<NotificationPreference[]> {
    return this.db.getRepository(NotificationPreference).find({ where: { accountId }, order: { kind: 'ASC' } });
  }

  /** Read in the sender's transaction, so an opt-out committed before the send is respected. */
  async isOptedOut(tx: Transaction | undefined, accountId: string, kind: string): Promise<boolean> {
    const rows: unknown[] = await managerOf(tx, this.db).query(
      `SELECT 1 FROM notification_preferences WHERE account_id = $1 AND kind = $2 AND NOT enabled`,
      [accountId, kind],
    );
    return rows.length > 0;
  }

  async upsert(tx: Transaction, accountId: string, kind: string, enabled: boolean): Promise<void> {
    await managerOf(tx).query(
      `INSERT INTO notification_preferences (account_id, kind, enabled) VALUES ($1, $2, $3)
       ON CONFLICT (account_id, kind) DO UPDATE SET enabled = EXCLUDED.enabled, updated_at = now()`,
      [accountId, kind, enabled],
    );
  }
}
