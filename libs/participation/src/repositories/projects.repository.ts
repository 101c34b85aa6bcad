import { managerOf, Transaction } from '@ashar/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { ProjectSubscription } from '../entities/project-subscription.entity';
import { ProjectUpdate } from '../entities/project-update.entity';
import { Project } from '../entities/project.entity';

/** `pb_projects`, `pb_project_updates`, `pb_project_subscriptions`: implementation tracking. */
@Injectable()
export class ProjectsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private repo(tx?: Transaction) {
    return managerOf(tx, this.db).getRepository(Project);
  }

  /** One project per winning proposal; a second call (a re-run) adds nothing. */
  async createFor(tx: Transaction, processId: string, proposalIds: readonly string[]): Promise<void> {
    if (!proposalIds.length) return;
    await this.repo(tx).createQueryBuilder().insert().into(Project).values(proposalIds.map((proposalId) => ({ proposalId, processId }))).orIgnore().execute();
  }

  findById(proposalId: string, tx?: Transaction): Promise<Project | null> {
    return this.repo(tx).findOneBy({ proposalId });
  }

  lock(tx: Transaction, proposalId: string): Promise<Project | null> {
    return this.repo(tx).createQueryBuilder('p').setLock('pessimistic_write').where('p.proposal_id = :proposalId', { proposalId }).getOne();
  }

  ofProcess(processId: string): Promise<Project[]> {
    return this.repo().find({ where: { processId }, order: { createdAt: 'ASC', proposalId: 'ASC' } });
  }

  byProposals(ids: readonly string[]): Promise<Project[]> {
    return ids.length ? this.repo().findBy({ proposalId: In([...ids]) }) : Promise.resolve([]);
  }

  async update(tx: Transaction, proposalId: string, patch: Partial<Pick<Project, 'stage' | 'progress' | 'budgetId' | 'lineKey'>>): Promise<void> {
    await this.repo(tx).update({ proposalId }, patch);
  }

  /** The project a budget line already pays, if any. */
  byLine(tx: Transaction, budgetId: string, lineKey: string): Promise<Project | null> {
    return this.repo(tx).findOneBy({ budgetId, lineKey });
  }

  async addUpdate(tx: Transaction, values: Pick<ProjectUpdate, 'proposalId' | 'stage' | 'progress' | 'body' | 'authorAccountId'>): Promise<ProjectUpdate> {
    const r = managerOf(tx, this.db).getRepository(ProjectUpdate);
    const row = r.create(values);
    await r.insert(row);
    return (await r.findOneBy({ id: row.id }))!;
  }

  updateById(id: string): Promise<ProjectUpdate | null> {
    return this.db.getRepository(ProjectUpdate).findOneBy({ id });
  }

  /** Updates of many projects, newest first (DataLoader). */
  updatesOf(ids: readonly string[]): Promise<ProjectUpdate[]> {
    return ids.length ? this.db.getRepository(ProjectUpdate).find({ where: { proposalId: In([...ids]) }, order: { createdAt: 'DESC', id: 'ASC' } }) : Promise.resolve([]);
  }

  async subscribe(tx: Transaction, proposalId: string, accountId: string, on: boolean): Promise<boolean> {
    const m = managerOf(tx, this.db);
    if (on) return ((await m.createQueryBuilder().insert().into(ProjectSubscription).values({ proposalId, accountId }).orIgnore().execute()).raw.length ?? 0) > 0;
    return ((await m.getRepository(ProjectSubscription).delete({ proposalId, accountId })).affected ?? 0) > 0;
  }

  async subscribedBy(accountId: string, ids: readonly string[]): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const rows = await this.db.getRepository(ProjectSubscription).findBy({ accountId, proposalId: In([...ids]) });
    return new Set(rows.map((r) => r.proposalId));
  }

  async subscribersOf(proposalId: string): Promise<string[]> {
    const rows = await this.db.getRepository(ProjectSubscription).find({ where: { proposalId }, order: { accountId: 'ASC' } });
    return rows.map((r) => r.accountId);
  }

  /**
   * Who took part in a process: authors, supporters, registered voters (online and paper) and the
   * subscribers of its projects; each once, ordered (so a retried notice job walks the same list).
   */
  async participantsOf(processId: string): Promise<string[]> {
    const rows: Array<{ account_id: string }> = await this.db.query(
      `SELECT author_account_id AS account_id FROM pb_proposals WHERE process_id = $1
       UNION SELECT s.account_id FROM pb_proposal_supports s JOIN pb_proposals p ON p.id = s.proposal_id WHERE p.process_id = $1
       UNION SELECT account_id FROM pb_voter_registry WHERE process_id = $1
       UNION SELECT s.account_id FROM pb_project_subscriptions s JOIN pb_projects p ON p.proposal_id = s.proposal_id WHERE p.process_id = $1
       ORDER BY account_id`,
      [processId],
    );
    return rows.map((r) => r.account_id);
  }
}
