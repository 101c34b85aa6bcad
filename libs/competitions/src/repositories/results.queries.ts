import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** The public results of a call: counts by direction and stage (a read model over the submissions). */
@Injectable()
export class ResultsQueries {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async counts(callId: string): Promise<Array<{ directionKey: string; stageNumber: number; applications: number }>> {
    const rows: Array<{ direction_key: string; stage_number: number; n: number }> = await this.db.query(
      `SELECT a.direction_key, s.stage_number, count(DISTINCT a.id)::int AS n
         FROM cmp_applications a JOIN cmp_submissions s ON s.application_id = a.id
        WHERE a.call_id = $1
        GROUP BY a.direction_key, s.stage_number
        ORDER BY s.stage_number, a.direction_key`,
      [callId],
    );
    return rows.map((r) => ({ directionKey: r.direction_key, stageNumber: r.stage_number, applications: r.n }));
  }
}
