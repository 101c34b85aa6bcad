import { managerOf, Transaction } from '@ashar/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { ApplicationEditor } from '../entities/application-editor.entity';
import { Application } from '../entities/application.entity';
import { StageSubmission } from '../entities/stage-submission.entity';

/** `cmp_applications`, their `cmp_application_editors` and frozen `cmp_submissions`. */
@Injectable()
export class ApplicationsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private apps(tx?: Transaction) {
    return managerOf(tx, this.db).getRepository(Application);
  }
  private editorsRepo(tx?: Transaction) {
    return managerOf(tx, this.db).getRepository(ApplicationEditor);
  }
  private subs(tx?: Transaction) {
    return managerOf(tx, this.db).getRepository(StageSubmission);
  }

  findById(id: string, tx?: Transaction): Promise<Application | null> {
    return this.apps(tx).findOneBy({ id });
  }

  lock(tx: Transaction, id: string): Promise<Application | null> {
    return this.apps(tx).createQueryBuilder('a').setLock('pessimistic_write').where('a.id = :id', { id }).getOne();
  }

  ofCall(callId: string): Promise<Application[]> {
    return this.apps().find({ where: { callId }, order: { createdAt: 'ASC' } });
  }

  /** The applications an account edits, newest first. */
  ofEditor(accountId: string): Promise<Application[]> {
    return this.apps().createQueryBuilder('a').innerJoin('cmp_application_editors', 'e', 'e.application_id = a.id').where('e.account_id = :accountId', { accountId }).orderBy('a.created_at', 'DESC').getMany();
  }

  /** Applications past their draft (something was submitted). */
  async submittedOfCall(callId: string, tx?: Transaction): Promise<Application[]> {
    return this.apps(tx).createQueryBuilder('a').where('a.call_id = :callId', { callId }).andWhere(`a.status <> 'DRAFT'`).orderBy('a.created_at', 'ASC').getMany();
  }

  async insert(tx: Transaction, values: Partial<Application>, editor: string): Promise<Application> {
    const row = this.apps(tx).create(values);
    // jsonb columns typed as open records are beyond TypeORM's deep-partial type.
    await this.apps(tx).insert(row as QueryDeepPartialEntity<Application>);
    await this.editorsRepo(tx).insert({ applicationId: row.id, accountId: editor });
    return (await this.apps(tx).findOneBy({ id: row.id }))!;
  }

  async update(tx: Transaction, id: string, patch: Partial<Application>): Promise<void> {
    await this.apps(tx).update({ id }, patch as QueryDeepPartialEntity<Application>);
  }

  async editors(applicationId: string, tx?: Transaction): Promise<string[]> {
    return (await this.editorsRepo(tx).find({ where: { applicationId }, order: { createdAt: 'ASC' } })).map((e) => e.accountId);
  }

  /** Every (application, editor) pair of a call: an editor never reviews their own application. */
  async editorsOfCall(callId: string, tx?: Transaction): Promise<Array<{ applicationId: string; accountId: string }>> {
    const rows = await this.editorsRepo(tx).createQueryBuilder('e').innerJoin('cmp_applications', 'a', 'a.id = e.application_id').where('a.call_id = :callId', { callId }).getMany();
    return rows.map((r) => ({ applicationId: r.applicationId, accountId: r.accountId }));
  }

  async isEditor(applicationId: string, accountId: string): Promise<boolean> {
    return this.editorsRepo().exists({ where: { applicationId, accountId } });
  }

  async addEditor(tx: Transaction, applicationId: string, accountId: string): Promise<void> {
    await this.editorsRepo(tx).createQueryBuilder().insert().values({ applicationId, accountId }).orIgnore().execute();
  }

  submissions(applicationId: string, tx?: Transaction): Promise<StageSubmission[]> {
    return this.subs(tx).find({ where: { applicationId }, order: { stageNumber: 'ASC', version: 'ASC' } });
  }

  latestSubmission(tx: Transaction | undefined, applicationId: string, stageNumber: number): Promise<StageSubmission | null> {
    return this.subs(tx).findOne({ where: { applicationId, stageNumber }, order: { version: 'DESC' } });
  }

  async insertSubmission(tx: Transaction, values: Omit<StageSubmission, 'id' | 'submittedAt' | 'application'>): Promise<StageSubmission> {
    const row = this.subs(tx).create(values);
    await this.subs(tx).insert(row as QueryDeepPartialEntity<StageSubmission>);
    return (await this.subs(tx).findOneBy({ id: row.id }))!;
  }

  /** `latestVersionOf` for many applications at once. */
  async latestVersions(applicationIds: string[]): Promise<Map<string, number>> {
    if (!applicationIds.length) return new Map();
    const rows: Array<{ application_id: string; v: number }> = await this.db.query(`SELECT application_id, max(stage_number * 1000 + version)::int AS v FROM cmp_submissions WHERE application_id = ANY($1::uuid[]) GROUP BY application_id`, [applicationIds]);
    return new Map(rows.map((r) => [r.application_id, r.v]));
  }

  /** The latest version of any stage of an application (what an expert scores). */
  async latestVersionOf(applicationId: string): Promise<number | null> {
    const [row] = await this.db.query(`SELECT max(stage_number * 1000 + version)::int AS v FROM cmp_submissions WHERE application_id = $1`, [applicationId]);
    return row?.v ?? null;
  }

  /**
   * Every application with a stage still unsubmitted whose deadline falls in (now, until], in open calls:
   * stage 1 for drafts, later stages for the shortlisted; with the call's zone and title and the editors.
   */
  async draftsDue(now: Date, until: Date): Promise<Array<{ applicationId: string; title: string; stageNumber: number; deadlineAt: Date; timeZone: string; callTitle: Record<string, string>; editors: string[] }>> {
    const rows: Array<{ application_id: string; title: string; stage_number: number; deadline_at: Date; time_zone: string; call_title: Record<string, string>; editors: string[] }> = await this.db.query(
      `SELECT a.id AS application_id, a.title, s.number AS stage_number, s.deadline_at, c.time_zone, c.title AS call_title,
              ARRAY(SELECT e.account_id::text FROM cmp_application_editors e WHERE e.application_id = a.id ORDER BY e.created_at) AS editors
         FROM cmp_stages s
         JOIN cmp_calls c ON c.id = s.call_id AND c.status = 'OPEN'
         JOIN cmp_applications a ON a.call_id = c.id AND ((s.number = 1 AND a.status = 'DRAFT') OR (s.number > 1 AND a.status = 'SHORTLISTED'))
        WHERE s.deadline_at > $1 AND s.deadline_at <= $2
          AND NOT EXISTS (SELECT 1 FROM cmp_submissions x WHERE x.application_id = a.id AND x.stage_number = s.number)
        ORDER BY s.deadline_at, a.id`,
      [now, until],
    );
    return rows.map((r) => ({ applicationId: r.application_id, title: r.title, stageNumber: r.stage_number, deadlineAt: new Date(r.deadline_at), timeZone: r.time_zone, callTitle: r.call_title, editors: r.editors }));
  }
}
