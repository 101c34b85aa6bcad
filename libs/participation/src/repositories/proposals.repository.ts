import { managerOf, Transaction } from '@ashar/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { ProposalSupport } from '../entities/proposal-support.entity';
import { Proposal } from '../entities/proposal.entity';

/** `pb_proposals` and `pb_proposal_supports`. */
@Injectable()
export class ProposalsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private repo(tx?: Transaction) {
    return managerOf(tx, this.db).getRepository(Proposal);
  }

  findById(id: string, tx?: Transaction): Promise<Proposal | null> {
    return this.repo(tx).findOneBy({ id });
  }

  lock(tx: Transaction, id: string): Promise<Proposal | null> {
    return this.repo(tx).createQueryBuilder('p').setLock('pessimistic_write').where('p.id = :id', { id }).getOne();
  }

  ofProcess(processId: string, tx?: Transaction): Promise<Proposal[]> {
    return this.repo(tx).find({ where: { processId }, order: { createdAt: 'ASC' } });
  }

  /** The proposals a ballot may choose from: reviewed as feasible. */
  feasibleOf(tx: Transaction | undefined, processId: string): Promise<Proposal[]> {
    return this.repo(tx).find({ where: { processId, status: 'FEASIBLE' }, order: { id: 'ASC' } });
  }

  async insert(tx: Transaction, values: Partial<Proposal>): Promise<Proposal> {
    const row = this.repo(tx).create(values);
    await this.repo(tx).insert(row);
    return (await this.repo(tx).findOneBy({ id: row.id }))!;
  }

  /** As budgets' insertOnce: null when (process, client id) is already stored. */
  async insertOnce(tx: Transaction, values: Partial<Proposal>): Promise<Proposal | null> {
    const row = this.repo(tx).create(values);
    const r = await this.repo(tx).createQueryBuilder().insert().into(Proposal).values(row).orIgnore().execute();
    return r.raw.length ? (await this.repo(tx).findOneBy({ id: row.id }))! : null;
  }

  byClientRequest(tx: Transaction, processId: string, clientRequestId: string): Promise<Proposal | null> {
    return this.repo(tx).findOneBy({ processId, clientRequestId });
  }

  async update(tx: Transaction, id: string, patch: Partial<Proposal>): Promise<void> {
    await this.repo(tx).update({ id }, patch);
  }

  /** True when this support is new (one per resident: the primary key). */
  async addSupport(tx: Transaction, proposalId: string, accountId: string): Promise<boolean> {
    const r = await managerOf(tx, this.db).createQueryBuilder().insert().into(ProposalSupport).values({ proposalId, accountId }).orIgnore().execute();
    return r.raw.length > 0;
  }

  async removeSupport(tx: Transaction, proposalId: string, accountId: string): Promise<boolean> {
    const r = await managerOf(tx, this.db).getRepository(ProposalSupport).delete({ proposalId, accountId });
    return (r.affected ?? 0) > 0;
  }

  /** Supports per proposal, for many at once (DataLoader). */
  async supportCounts(proposalIds: readonly string[]): Promise<Map<string, number>> {
    if (!proposalIds.length) return new Map();
    const rows: Array<{ proposal_id: string; n: string }> = await this.db.query(
      'SELECT proposal_id, count(*) AS n FROM pb_proposal_supports WHERE proposal_id = ANY($1::uuid[]) GROUP BY proposal_id',
      [proposalIds],
    );
    return new Map(rows.map((r) => [r.proposal_id, Number(r.n)]));
  }

  async supportedBy(accountId: string, proposalIds: readonly string[]): Promise<Set<string>> {
    if (!proposalIds.length) return new Set();
    const rows = await managerOf(undefined, this.db).getRepository(ProposalSupport).findBy({ accountId, proposalId: In([...proposalIds]) });
    return new Set(rows.map((r) => r.proposalId));
  }
}
