import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { managerOf, Transaction } from '@ashar/database';
import { DataSource } from 'typeorm';
import { RefreshToken } from '../entities/refresh-token.entity';

export type RefreshTokenState = Pick<RefreshToken, 'id' | 'accountId' | 'familyId' | 'expiresAt' | 'usedAt' | 'revokedAt'>;

/** Statements on `refresh_tokens`: one family per session, rotated on every use. */
@Injectable()
export class RefreshTokensRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Some token of the family is not revoked. */
  async familyIsLive(familyId: string, accountId: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      'SELECT 1 FROM refresh_tokens WHERE family_id = $1 AND account_id = $2 AND revoked_at IS NULL LIMIT 1',
      [familyId, accountId],
    );
    return rows.length > 0;
  }

  async insert(tx: Transaction, row: Pick<RefreshToken, 'accountId' | 'familyId' | 'tokenHash' | 'expiresAt'>): Promise<void> {
    await managerOf(tx).insert(RefreshToken, row);
  }

  /** Locks the token row until the transaction ends (one rotation per token). */
  async lockByHash(tx: Transaction, tokenHash: string): Promise<RefreshTokenState | null> {
    const rows: RefreshTokenState[] = await managerOf(tx).query(
      `SELECT id, account_id AS "accountId", family_id AS "familyId", expires_at AS "expiresAt",
              used_at AS "usedAt", revoked_at AS "revokedAt"
         FROM refresh_tokens WHERE token_hash = $1 FOR UPDATE`,
      [tokenHash],
    );
    return rows[0] ?? null;
  }

  async markUsed(tx: Transaction, id: string): Promise<void> {
    await managerOf(tx).query('UPDATE refresh_tokens SET used_at = now() WHERE id = $1', [id]);
  }

  async revokeFamily(familyId: string, tx?: Transaction): Promise<void> {
    await managerOf(tx, this.db).query('UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL', [familyId]);
  }

  async familyOfHash(tokenHash: string): Promise<string | null> {
    const rows: { family_id: string }[] = await this.db.query('SELECT family_id FROM refresh_tokens WHERE token_hash = $1', [tokenHash]);
    return rows[0]?.family_id ?? null;
  }
}
