import { managerOf, Transaction } from '@ashar/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DocumentKind, InPersonVerification } from '../entities/in-person-verification.entity';
import type { VotingChannel } from '../entities/voter-registration.entity';

/** Statements on `pb_in_person_verifications` and the registry by document, `pb_voter_documents`. */
@Injectable()
export class VerificationsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Records the verification unless the account has one in the community already; returns the row that
   * holds afterwards. A document already verifying another account fails on the unique index (caller maps it).
   */
  async insertOnce(tx: Transaction, v: { communityId: string; accountId: string; documentKind: DocumentKind; documentHash: string; birthDate: string | null; verifiedBy: string }): Promise<{ row: InPersonVerification; created: boolean }> {
    const m = managerOf(tx, this.db);
    const inserted: unknown[] = await m.query(
      `INSERT INTO pb_in_person_verifications (community_id, account_id, document_kind, document_hash, birth_date, verified_by)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (community_id, account_id) DO NOTHING RETURNING account_id`,
      [v.communityId, v.accountId, v.documentKind, v.documentHash, v.birthDate, v.verifiedBy],
    );
    const row = await m.findOneByOrFail(InPersonVerification, { communityId: v.communityId, accountId: v.accountId });
    return { row, created: inserted.length > 0 };
  }

  of(communityId: string, accountId: string, tx?: Transaction): Promise<InPersonVerification | null> {
    return managerOf(tx, this.db).findOneBy(InPersonVerification, { communityId, accountId });
  }

  /** The account a document verified in the community, if any. */
  async accountOfDocument(tx: Transaction, communityId: string, documentHash: string): Promise<string | null> {
    const [row]: Array<{ account_id: string }> = await managerOf(tx, this.db).query(
      `SELECT account_id FROM pb_in_person_verifications WHERE community_id = $1 AND document_hash = $2`,
      [communityId, documentHash],
    );
    return row?.account_id ?? null;
  }

  /** The registry row of (process, document) after this call, and whether this call created it. */
  async registerDocument(tx: Transaction, processId: string, documentHash: string, channel: VotingChannel, accountId: string | null): Promise<{ created: boolean; channel: VotingChannel }> {
    const m = managerOf(tx, this.db);
    const inserted: unknown[] = await m.query(
      `INSERT INTO pb_voter_documents (process_id, document_hash, channel, account_id) VALUES ($1, $2, $3, $4) ON CONFLICT (process_id, document_hash) DO NOTHING RETURNING channel`,
      [processId, documentHash, channel, accountId],
    );
    if (inserted.length) return { created: true, channel };
    const [row]: Array<{ channel: VotingChannel }> = await m.query(`SELECT channel FROM pb_voter_documents WHERE process_id = $1 AND document_hash = $2`, [processId, documentHash]);
    return { created: false, channel: row.channel };
  }
}
