import { managerOf, Transaction } from '@ashar/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { VotingChannel } from '../entities/voter-registration.entity';

export interface BallotRow {
  receiptCode: string;
  choices: string[];
  points: number[] | null;
}

/**
 * The voter registry (`pb_voter_registry`: that someone voted) and the ballots (`pb_ballots`: what, under
 * a pseudonym). Both are written in the caller's transaction, so a refused ballot leaves neither.
 */
@Injectable()
export class VotingRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The registry row of (process, account) after this call, and whether this call created it. */
  async register(tx: Transaction, processId: string, accountId: string, channel: VotingChannel): Promise<{ created: boolean; channel: VotingChannel }> {
    const m = managerOf(tx, this.db);
    const inserted: Array<{ channel: VotingChannel }> = await m.query(
      `INSERT INTO pb_voter_registry (process_id, account_id, channel) VALUES ($1, $2, $3) ON CONFLICT (process_id, account_id) DO NOTHING RETURNING channel`,
      [processId, accountId, channel],
    );
    if (inserted.length) return { created: true, channel };
    const [row]: Array<{ channel: VotingChannel }> = await m.query(`SELECT channel FROM pb_voter_registry WHERE process_id = $1 AND account_id = $2`, [processId, accountId]);
    return { created: false, channel: row.channel };
  }

  /**
   * Stores the ballot under its pseudonym, or replaces its choices (a voter may change their ballot
   * until the vote closes); the receipt code stays the one first given. `inserted` tells which.
   */
  async upsertBallot(
    tx: Transaction,
    v: { processId: string; pseudonym: string; receiptCode: string; choices: string[]; points: number[] | null; channel: VotingChannel },
  ): Promise<{ receiptCode: string; inserted: boolean }> {
    const [row]: Array<{ receipt_code: string; inserted: boolean }> = await managerOf(tx, this.db).query(
      `INSERT INTO pb_ballots (process_id, pseudonym, receipt_code, choices, points, channel)
         VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, $6)
       ON CONFLICT (process_id, pseudonym) DO UPDATE SET choices = EXCLUDED.choices, points = EXCLUDED.points, updated_at = now()
       RETURNING receipt_code, (xmax = 0) AS inserted`,
      [v.processId, v.pseudonym, v.receiptCode, JSON.stringify(v.choices), v.points ? JSON.stringify(v.points) : null, v.channel],
    );
    return { receiptCode: row.receipt_code, inserted: row.inserted };
  }

  async ballotOf(processId: string, pseudonym: string): Promise<BallotRow | null> {
    const [row]: Array<{ receipt_code: string; choices: string[]; points: number[] | null }> = await this.db.query(
      `SELECT receipt_code, choices, points FROM pb_ballots WHERE process_id = $1 AND pseudonym = $2`,
      [processId, pseudonym],
    );
    return row ? { receiptCode: row.receipt_code, choices: row.choices, points: row.points } : null;
  }

  async hasVoted(processId: string, accountId: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(`SELECT 1 FROM pb_voter_registry WHERE process_id = $1 AND account_id = $2`, [processId, accountId]);
    return rows.length > 0;
  }

  async ballotsOf(tx: Transaction | undefined, processId: string): Promise<BallotRow[]> {
    const rows: Array<{ receipt_code: string; choices: string[]; points: number[] | null }> = await managerOf(tx, this.db).query(
      `SELECT receipt_code, choices, points FROM pb_ballots WHERE process_id = $1 ORDER BY receipt_code`,
      [processId],
    );
    return rows.map((r) => ({ receiptCode: r.receipt_code, choices: r.choices, points: r.points }));
  }

  /** Everyone registered as having voted (online or on paper): for turnout statistics, never joined to ballots. */
  async voterAccountIds(tx: Transaction | undefined, processId: string): Promise<string[]> {
    const rows: Array<{ account_id: string }> = await managerOf(tx, this.db).query(`SELECT account_id FROM pb_voter_registry WHERE process_id = $1`, [processId]);
    return rows.map((r) => r.account_id);
  }

  async counts(processId: string): Promise<{ voters: number; ballots: number }> {
    const [r]: Array<{ voters: string; ballots: string }> = await this.db.query(
      `SELECT (SELECT count(*) FROM pb_voter_registry WHERE process_id = $1) AS voters, (SELECT count(*) FROM pb_ballots WHERE process_id = $1) AS ballots`,
      [processId],
    );
    return { voters: Number(r.voters), ballots: Number(r.ballots) };
  }
}
