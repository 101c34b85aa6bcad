import { managerOf, Transaction } from '@ashar/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SurveyAnswerSet } from '../entities/survey-answer-set.entity';

export interface CellCountRow {
  villageId: string;
  gender: string;
  ageGroup: string;
  accepted: number;
  overQuota: number;
}

/** `srv_answer_sets`: the filled questionnaires and the counts per quota cell. */
@Injectable()
export class AnswerSetsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private repo(tx?: Transaction) {
    return managerOf(tx, this.db).getRepository(SurveyAnswerSet);
  }

  byInstance(instanceId: string, tx?: Transaction): Promise<SurveyAnswerSet | null> {
    return this.repo(tx).findOneBy({ instanceId });
  }

  async insert(tx: Transaction, row: Omit<SurveyAnswerSet, 'id' | 'receivedAt' | 'survey' | 'formVersion' | 'assignment' | 'supersededBy'>): Promise<SurveyAnswerSet> {
    const r = this.repo(tx).create(row);
    await this.repo(tx).insert(r);
    return (await this.byInstance(row.instanceId, tx))!;
  }

  async markSuperseded(tx: Transaction, instanceId: string, by: string): Promise<void> {
    await this.repo(tx).update({ instanceId }, { supersededBy: by });
  }

  /** Counted answer sets of one cell (not superseded, not over quota). */
  async acceptedInCell(tx: Transaction, surveyId: string, villageId: string, gender: string, ageGroup: string): Promise<number> {
    const [{ n }] = await managerOf(tx, this.db).query(
      `SELECT count(*)::int AS n FROM srv_answer_sets WHERE survey_id = $1 AND village_id = $2 AND gender = $3 AND age_group = $4 AND superseded_by IS NULL AND NOT over_quota`,
      [surveyId, villageId, gender, ageGroup],
    );
    return n;
  }

  /** Per cell: counted sets and over-quota ones (superseded sets count nowhere). */
  async cellCounts(surveyId: string): Promise<CellCountRow[]> {
    const rows: Array<{ village_id: string; gender: string; age_group: string; accepted: number; over_quota: number }> = await this.db.query(
      `SELECT village_id, gender, age_group, count(*) FILTER (WHERE NOT over_quota)::int AS accepted, count(*) FILTER (WHERE over_quota)::int AS over_quota
         FROM srv_answer_sets WHERE survey_id = $1 AND superseded_by IS NULL GROUP BY 1, 2, 3`,
      [surveyId],
    );
    return rows.map((r) => ({ villageId: r.village_id, gender: r.gender, ageGroup: r.age_group, accepted: r.accepted, overQuota: r.over_quota }));
  }

  async countOf(surveyId: string): Promise<number> {
    const [{ n }] = await this.db.query(`SELECT count(*)::int AS n FROM srv_answer_sets WHERE survey_id = $1 AND superseded_by IS NULL`, [surveyId]);
    return n;
  }

  async anyFor(tx: Transaction, surveyId: string): Promise<boolean> {
    return (await this.repo(tx).count({ where: { surveyId }, take: 1 })) > 0;
  }
}
