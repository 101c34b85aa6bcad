import { managerOf, Transaction } from '@ashar/database';
import { Injectable } from '@nestjs/common';

/** The statements of merging a duplicate proposal into another (on `pb_proposals` and `pb_proposal_supports`). */
@Injectable()
export class ProposalMergesRepository {
  /**
   * Moves the duplicate's supports to the kept proposal (a resident who supported both keeps one),
   * points earlier duplicates of the duplicate at the kept one, and marks the duplicate MERGED.
   * Returns how many supports moved.
   */
  async merge(tx: Transaction, duplicateId: string, keptId: string): Promise<number> {
    const m = managerOf(tx);
    const moved: unknown[] = await m.query(
      `INSERT INTO pb_proposal_supports (proposal_id, account_id, created_at)
       SELECT $2, account_id, created_at FROM pb_proposal_supports WHERE proposal_id = $1
       ON CONFLICT (proposal_id, account_id) DO NOTHING RETURNING account_id`,
      [duplicateId, keptId],
    );
    await m.query(`DELETE FROM pb_proposal_supports WHERE proposal_id = $1`, [duplicateId]);
    await m.query(`UPDATE pb_proposals SET merged_into_id = $2, updated_at = now() WHERE merged_into_id = $1`, [duplicateId, keptId]);
    await m.query(`UPDATE pb_proposals SET status = 'MERGED', merged_into_id = $2, updated_at = now() WHERE id = $1`, [duplicateId, keptId]);
    return moved.length;
  }
}
