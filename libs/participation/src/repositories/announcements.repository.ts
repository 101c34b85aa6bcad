import { managerOf, Transaction } from '@ashar/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { LocalizedText } from '../entities/participatory-process.entity';
import { ProcessAnnouncement } from '../entities/process-announcement.entity';

/** `pb_announcements`, and the closing reminder's marker on `pb_processes`. */
@Injectable()
export class AnnouncementsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  insert(tx: Transaction, row: { processId: string; text: LocalizedText; createdBy: string }): Promise<ProcessAnnouncement> {
    return managerOf(tx).getRepository(ProcessAnnouncement).save(managerOf(tx).getRepository(ProcessAnnouncement).create(row));
  }

  findById(id: string): Promise<ProcessAnnouncement | null> {
    return this.db.getRepository(ProcessAnnouncement).findOne({ where: { id } });
  }

  /** Newest first, for many processes in one statement (a DataLoader's batch). */
  ofProcesses(processIds: readonly string[]): Promise<ProcessAnnouncement[]> {
    return this.db.getRepository(ProcessAnnouncement).find({ where: { processId: In([...processIds]) }, order: { createdAt: 'DESC' } });
  }

  /**
   * Processes whose vote closes (planned RESULTS start) within `within` ms and whose reminder was not queued yet,
   * marked in the same statement so that two workers never queue it twice. Returns each with its closing time.
   */
  async claimReminders(tx: Transaction, now: Date, withinMs: number, limit: number): Promise<Array<{ processId: string; closesAt: Date }>> {
    // A SELECT over the UPDATE: TypeORM answers a bare UPDATE … RETURNING as [rows, count].
    const rows: Array<{ id: string; closes_at: Date }> = await managerOf(tx).query(
      `WITH due AS (
         SELECT DISTINCT ON (s.process_id) s.process_id, s.starts_at
           FROM pb_process_phase_starts s JOIN pb_processes q ON q.id = s.process_id
          WHERE s.phase = 'RESULTS' AND q.phase = 'VOTING' AND q.reminder_queued_at IS NULL
            AND s.starts_at > $1 AND s.starts_at <= $2
          ORDER BY s.process_id, s.starts_at
          LIMIT $3),
       claimed AS (
         UPDATE pb_processes p SET reminder_queued_at = $1 FROM due
          WHERE p.id = due.process_id AND p.reminder_queued_at IS NULL
          RETURNING p.id, due.starts_at AS closes_at)
       SELECT id, closes_at FROM claimed`,
      [now, new Date(now.getTime() + withinMs), limit],
    );
    return rows.map((r) => ({ processId: r.id, closesAt: new Date(r.closes_at) }));
  }
}
