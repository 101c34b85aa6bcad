import { managerOf, Transaction } from '@ashar/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { CallExpert } from '../entities/call-expert.entity';
import { Interview } from '../entities/interview.entity';
import { ReviewAssignment } from '../entities/review-assignment.entity';
import { ReviewConflict } from '../entities/review-conflict.entity';

/** The committee: `cmp_experts`, `cmp_conflicts`, `cmp_assignments` (with score sheets), `cmp_interviews`. */
@Injectable()
export class ReviewsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private m(tx?: Transaction) {
    return managerOf(tx, this.db);
  }

  experts(callId: string, tx?: Transaction): Promise<CallExpert[]> {
    return this.m(tx).getRepository(CallExpert).find({ where: { callId }, order: { createdAt: 'ASC' } });
  }

  expert(callId: string, accountId: string): Promise<CallExpert | null> {
    return this.m().getRepository(CallExpert).findOneBy({ callId, accountId });
  }

  async upsertExpert(tx: Transaction, callId: string, accountId: string, directions: string[]): Promise<void> {
    await this.m(tx).getRepository(CallExpert).upsert({ callId, accountId, directions }, ['callId', 'accountId']);
  }

  /** Conflicts of every application of a call (expert-declared and applicant-named). */
  async conflictsOfCall(callId: string, tx?: Transaction): Promise<ReviewConflict[]> {
    return this.m(tx).getRepository(ReviewConflict).createQueryBuilder('c').innerJoin('cmp_applications', 'a', 'a.id = c.application_id').where('a.call_id = :callId', { callId }).getMany();
  }

  hasConflict(applicationId: string, accountId: string, tx?: Transaction): Promise<boolean> {
    return this.m(tx).getRepository(ReviewConflict).exists({ where: { applicationId, accountId } });
  }

  async addConflict(tx: Transaction, applicationId: string, accountId: string, source: 'EXPERT' | 'APPLICANT', reason: string | null): Promise<void> {
    await this.m(tx).getRepository(ReviewConflict).upsert({ applicationId, accountId, source, reason }, ['applicationId', 'accountId']);
  }

  /** The applicant's list replaces their earlier one; experts' own declarations stay. */
  async replaceApplicantConflicts(tx: Transaction, applicationId: string, accountIds: string[]): Promise<void> {
    await this.m(tx).getRepository(ReviewConflict).delete({ applicationId, source: 'APPLICANT' });
    for (const accountId of accountIds) {
      await this.m(tx).getRepository(ReviewConflict).createQueryBuilder().insert().values({ applicationId, accountId, source: 'APPLICANT', reason: null }).orIgnore().execute();
    }
  }

  assignment(applicationId: string, expertAccountId: string, tx?: Transaction): Promise<ReviewAssignment | null> {
    return this.m(tx).getRepository(ReviewAssignment).findOneBy({ applicationId, expertAccountId });
  }

  lockAssignment(tx: Transaction, applicationId: string, expertAccountId: string): Promise<ReviewAssignment | null> {
    return this.m(tx).getRepository(ReviewAssignment).createQueryBuilder('r').setLock('pessimistic_write').where('r.application_id = :applicationId AND r.expert_account_id = :expertAccountId', { applicationId, expertAccountId }).getOne();
  }

  assignmentsOfApplication(applicationId: string): Promise<ReviewAssignment[]> {
    return this.m().getRepository(ReviewAssignment).find({ where: { applicationId }, order: { expertAccountId: 'ASC' } });
  }

  async assignmentsOfCall(callId: string, tx?: Transaction): Promise<ReviewAssignment[]> {
    return this.m(tx).getRepository(ReviewAssignment).createQueryBuilder('r').innerJoin('cmp_applications', 'a', 'a.id = r.application_id').where('a.call_id = :callId', { callId }).orderBy('r.application_id').addOrderBy('r.expert_account_id').getMany();
  }

  async insertAssignments(tx: Transaction, pairs: Array<{ applicationId: string; expertAccountId: string }>): Promise<void> {
    if (!pairs.length) return;
    await this.m(tx).getRepository(ReviewAssignment).createQueryBuilder().insert().values(pairs).orIgnore().execute();
  }

  async deleteAssignments(tx: Transaction, applicationId: string, expertAccountIds: string[]): Promise<void> {
    if (!expertAccountIds.length) return;
    await this.m(tx).getRepository(ReviewAssignment).delete({ applicationId, expertAccountId: In(expertAccountIds) });
  }

  async saveScores(tx: Transaction, applicationId: string, expertAccountId: string, scores: ReviewAssignment['scores'], version: number | null): Promise<void> {
    await this.m(tx).getRepository(ReviewAssignment).update({ applicationId, expertAccountId }, { scores, scoredAt: new Date(), scoredVersion: version });
  }

  async insertInterview(tx: Transaction, values: Partial<Interview>): Promise<Interview> {
    const row = this.m(tx).getRepository(Interview).create(values);
    await this.m(tx).getRepository(Interview).insert(row as QueryDeepPartialEntity<Interview>);
    return (await this.m(tx).getRepository(Interview).findOneBy({ id: row.id }))!;
  }

  interview(id: string): Promise<Interview | null> {
    return this.m().getRepository(Interview).findOneBy({ id });
  }

  async setInterviewNotes(tx: Transaction, id: string, notes: string): Promise<void> {
    await this.m(tx).getRepository(Interview).update({ id }, { notes });
  }

  interviews(applicationId: string): Promise<Interview[]> {
    return this.m().getRepository(Interview).find({ where: { applicationId }, order: { startsAt: 'ASC' } });
  }
}
