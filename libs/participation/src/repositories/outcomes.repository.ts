import { managerOf, Transaction } from '@ashar/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ProcessOutcome } from '../entities/process-outcome.entity';

/** `pb_outcomes`: one published result per process. */
@Injectable()
export class OutcomesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  findByProcess(processId: string, tx?: Transaction): Promise<ProcessOutcome | null> {
    return managerOf(tx, this.db).getRepository(ProcessOutcome).findOneBy({ processId });
  }

  /** Idempotent: a rerun of the results job writes the same outcome again. */
  async save(tx: Transaction, outcome: Omit<ProcessOutcome, 'computedAt' | 'process'>): Promise<void> {
    await managerOf(tx, this.db).query(
      `INSERT INTO pb_outcomes (process_id, rule, selected, total_cost, ballot_count, explanation, ballot_set, ballot_set_sha256, participation, districts)
         VALUES ($1, $2, $3::jsonb, $4, $5, $6::jsonb, $7, $8, $9::jsonb, $10::jsonb)
       ON CONFLICT (process_id) DO UPDATE SET rule = EXCLUDED.rule, selected = EXCLUDED.selected, total_cost = EXCLUDED.total_cost,
         ballot_count = EXCLUDED.ballot_count, explanation = EXCLUDED.explanation, ballot_set = EXCLUDED.ballot_set,
         ballot_set_sha256 = EXCLUDED.ballot_set_sha256, participation = EXCLUDED.participation, districts = EXCLUDED.districts, computed_at = now()`,
      [outcome.processId, outcome.rule, JSON.stringify(outcome.selected), outcome.totalCost, outcome.ballotCount, JSON.stringify(outcome.explanation), outcome.ballotSet, outcome.ballotSetSha256, JSON.stringify(outcome.participation), JSON.stringify(outcome.districts)],
    );
  }
}
