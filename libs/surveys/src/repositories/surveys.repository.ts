import { managerOf, Transaction } from '@ashar/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { SurveyAssignment } from '../entities/survey-assignment.entity';
import { SurveyFormVersion } from '../entities/survey-form-version.entity';
import { SurveyQuotaCell } from '../entities/survey-quota-cell.entity';
import { Survey } from '../entities/survey.entity';

/** `srv_surveys` with their form versions, quota cells and interviewer assignments. */
@Injectable()
export class SurveysRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private m(tx?: Transaction) {
    return managerOf(tx, this.db);
  }

  findById(id: string, tx?: Transaction): Promise<Survey | null> {
    return this.m(tx).getRepository(Survey).findOneBy({ id });
  }

  /** Locked: form publications, quota changes and answer sets of one survey take turns (quota arithmetic). */
  lock(tx: Transaction, id: string): Promise<Survey | null> {
    return this.m(tx).getRepository(Survey).createQueryBuilder('s').setLock('pessimistic_write').where('s.id = :id', { id }).getOne();
  }

  ofCommunity(communityId: string): Promise<Survey[]> {
    return this.m().getRepository(Survey).find({ where: { communityId }, order: { createdAt: 'DESC' } });
  }

  byIds(ids: readonly string[]): Promise<Survey[]> {
    return ids.length ? this.m().getRepository(Survey).findBy({ id: In([...ids]) }) : Promise.resolve([]);
  }

  async insert(tx: Transaction, row: Partial<Survey>): Promise<Survey> {
    const r = this.m(tx).getRepository(Survey).create(row);
    await this.m(tx).getRepository(Survey).insert(r);
    return (await this.findById(r.id, tx))!;
  }

  async updateAgeGroups(tx: Transaction, id: string, ageGroups: Survey['ageGroups']): Promise<void> {
    await this.m(tx).getRepository(Survey).update({ id }, { ageGroups });
  }

  versions(surveyId: string, tx?: Transaction): Promise<SurveyFormVersion[]> {
    return this.m(tx).getRepository(SurveyFormVersion).find({ where: { surveyId }, order: { number: 'DESC' } });
  }

  version(id: string, tx?: Transaction): Promise<SurveyFormVersion | null> {
    return this.m(tx).getRepository(SurveyFormVersion).findOneBy({ id });
  }

  /** The newest version of each survey. */
  async latestVersions(surveyIds: readonly string[]): Promise<Map<string, SurveyFormVersion>> {
    if (!surveyIds.length) return new Map();
    const rows = await this.m()
      .getRepository(SurveyFormVersion)
      .createQueryBuilder('v')
      .distinctOn(['v.survey_id'])
      .where('v.survey_id IN (:...ids)', { ids: [...surveyIds] })
      .orderBy('v.survey_id')
      .addOrderBy('v.number', 'DESC')
      .getMany();
    return new Map(rows.map((v) => [v.surveyId, v]));
  }

  async insertVersion(tx: Transaction, row: Pick<SurveyFormVersion, 'surveyId' | 'form' | 'createdBy'>): Promise<SurveyFormVersion> {
    const [{ n }] = await this.m(tx).query(`SELECT coalesce(max(number), 0) + 1 AS n FROM srv_form_versions WHERE survey_id = $1`, [row.surveyId]);
    const r = this.m(tx).getRepository(SurveyFormVersion).create({ ...row, number: Number(n) });
    await this.m(tx).getRepository(SurveyFormVersion).insert(r);
    return (await this.version(r.id, tx))!;
  }

  quotaCells(surveyId: string, tx?: Transaction): Promise<SurveyQuotaCell[]> {
    return this.m(tx).getRepository(SurveyQuotaCell).find({ where: { surveyId }, order: { villageId: 'ASC', gender: 'ASC', ageGroup: 'ASC' } });
  }

  async replaceQuotaCells(tx: Transaction, surveyId: string, cells: Array<Omit<SurveyQuotaCell, 'surveyId'>>): Promise<void> {
    await this.m(tx).getRepository(SurveyQuotaCell).delete({ surveyId });
    if (cells.length) await this.m(tx).getRepository(SurveyQuotaCell).insert(cells.map((c) => ({ ...c, surveyId })));
  }

  assignments(surveyId: string): Promise<SurveyAssignment[]> {
    return this.m().getRepository(SurveyAssignment).find({ where: { surveyId }, order: { createdAt: 'ASC' } });
  }

  assignment(id: string, tx?: Transaction): Promise<SurveyAssignment | null> {
    return this.m(tx).getRepository(SurveyAssignment).findOneBy({ id });
  }

  assignmentsOfAccount(accountId: string): Promise<SurveyAssignment[]> {
    return this.m().getRepository(SurveyAssignment).find({ where: { accountId }, order: { createdAt: 'ASC' } });
  }

  /** One assignment per interviewer and survey: a second call replaces its villages and share. */
  async upsertAssignment(tx: Transaction, row: Pick<SurveyAssignment, 'surveyId' | 'accountId' | 'villageIds' | 'quotaShare' | 'assignedBy'>): Promise<SurveyAssignment> {
    await this.m(tx)
      .createQueryBuilder()
      .insert()
      .into(SurveyAssignment)
      .values(row)
      .orUpdate(['village_ids', 'quota_share', 'assigned_by', 'updated_at'], ['survey_id', 'account_id'])
      .execute();
    return (await this.m(tx).getRepository(SurveyAssignment).findOneBy({ surveyId: row.surveyId, accountId: row.accountId }))!;
  }
}
