import { managerOf, Transaction } from '@ashar/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { PHASE_ORDER } from '../domain/phases';
import { ProcessPhase } from '../entities/participatory-process.entity';
import { ProcessPhaseStart } from '../entities/process-phase-start.entity';

/** `pb_process_phase_starts`. */
@Injectable()
export class PhaseScheduleRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private repo(tx?: Transaction) {
    return managerOf(tx, this.db).getRepository(ProcessPhaseStart);
  }

  /** The schedules of many processes in one statement (a DataLoader's batch), earliest first. */
  ofProcesses(processIds: readonly string[]): Promise<ProcessPhaseStart[]> {
    return this.repo().find({ where: { processId: In([...processIds]) }, order: { startsAt: 'ASC' } });
  }

  /** Replaces the planned starts of the given phases (the phases not yet begun); earlier rows stay as the record. */
  async replace(tx: Transaction, processId: string, phases: readonly ProcessPhase[], starts: Array<{ phase: ProcessPhase; startsAt: Date }>): Promise<void> {
    if (phases.length) await this.repo(tx).delete({ processId, phase: In([...phases]) });
    if (starts.length) await this.repo(tx).insert(starts.map((s) => ({ processId, phase: s.phase, startsAt: s.startsAt })));
  }

  /**
   * Processes with a planned start that is due and later than their phase: the latest such phase of
   * each (a worker that was down for days moves a process straight to where the plan says it is).
   */
  async due(now: Date, limit: number): Promise<Array<{ processId: string; phase: ProcessPhase }>> {
    const rows: Array<{ process_id: string; phase: ProcessPhase }> = await this.db.query(
      `SELECT DISTINCT ON (s.process_id) s.process_id, s.phase
         FROM pb_process_phase_starts s
         JOIN pb_processes p ON p.id = s.process_id
        WHERE s.starts_at <= $1
          AND array_position($3::text[], s.phase::text) > array_position($3::text[], p.phase::text)
        ORDER BY s.process_id, s.starts_at DESC
        LIMIT $2`,
      [now, limit, PHASE_ORDER],
    );
    return rows.map((r) => ({ processId: r.process_id, phase: r.phase }));
  }
}
