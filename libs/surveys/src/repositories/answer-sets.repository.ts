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

  /**
   * The answer sets results and exports read: counted ones (not superseded), over-quota ones only when asked,
   * oldest first, with the number of the form version each was given on.
   */
  async forResults(surveyId: string, includeOverQuota: boolean): Promise<ResultRow[]> {
    const rows: Array<{ instance_id: string; number: number; interviewer_account_id: string; village_id: string; gender: string; age_group: string; answers: Record<string, never>; consent_given: boolean }> = await this.db.query(
      `SELECT a.instance_id, v.number, a.interviewer_account_id, a.village_id, a.gender, a.age_group, a.answers, a.consent_given
         FROM srv_answer_sets a JOIN srv_form_versions v ON v.id = a.form_version_id
        WHERE a.survey_id = $1 AND a.superseded_by IS NULL AND ($2 OR NOT a.over_quota)
        ORDER BY a.received_at, a.instance_id`,
      [surveyId, includeOverQuota],
    );
    return rows.map((r) => ({ instanceId: r.instance_id, formVersion: r.number, interviewer: r.interviewer_account_id, villageKey: r.village_id, gender: r.gender, ageGroup: r.age_group, answers: r.answers, consent: r.consent_given }));
  }

  /** Counted answer sets given on versions of one XLSForm `form_id` (another context's seam reads them by form). */
  async ofFormId(surveyId: string, formId: string): Promise<Array<{ instanceId: string; villageId: string; answers: Record<string, never> }>> {
    const rows: Array<{ instance_id: string; village_id: string; answers: Record<string, never> }> = await this.db.query(
      `SELECT a.instance_id, a.village_id, a.answers
         FROM srv_answer_sets a JOIN srv_form_versions v ON v.id = a.form_version_id
        WHERE a.survey_id = $1 AND a.superseded_by IS NULL AND v.form->>'formId' = $2
        ORDER BY a.received_at, a.instance_id`,
      [surveyId, formId],
    );
    return rows.map((r) => ({ instanceId: r.instance_id, villageId: r.village_id, answers: r.answers }));
  }
}

export interface ResultRow {
  instanceId: string;
  formVersion: number;
  interviewer: string;
  villageKey: string;
  gender: string;
  ageGroup: string;
  answers: Record<string, never>;
  consent: boolean;
}
