import { managerOf, Transaction } from '@ashar/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ParticipatoryProcess, ProcessPhase } from '../entities/participatory-process.entity';

/** `pb_processes`. */
@Injectable()
export class ProcessesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private repo(tx?: Transaction) {
    return managerOf(tx, this.db).getRepository(ParticipatoryProcess);
  }

  findById(id: string): Promise<ParticipatoryProcess | null> {
    return this.repo().findOneBy({ id });
  }

  /**
   * The process inside a transaction, locked: `share` for a ballot (many at once, none while the phase
   * changes), `update` for a phase or rules change (waits for ballots in flight).
   */
  lock(tx: Transaction, id: string, mode: 'share' | 'update'): Promise<ParticipatoryProcess | null> {
    return this.repo(tx)
      .createQueryBuilder('p')
      .setLock(mode === 'share' ? 'pessimistic_read' : 'pessimistic_write')
      .where('p.id = :id', { id })
      .getOne();
  }

  ofCommunity(communityId: string): Promise<ParticipatoryProcess[]> {
    return this.repo().find({ where: { communityId }, order: { createdAt: 'DESC' } });
  }

  /** Processes of these communities in one of these phases, the most recently changed first. */
  inPhases(tx: Transaction | undefined, communityIds: readonly string[], phases: readonly ProcessPhase[]): Promise<ParticipatoryProcess[]> {
    if (!communityIds.length) return Promise.resolve([]);
    return this.repo(tx).createQueryBuilder('p').where('p.community_id IN (:...c)', { c: communityIds }).andWhere('p.phase IN (:...ph)', { ph: phases }).orderBy('p.updated_at', 'DESC').getMany();
  }

  async insert(tx: Transaction, values: Partial<ParticipatoryProcess>): Promise<ParticipatoryProcess> {
    const row = this.repo(tx).create(values);
    await this.repo(tx).insert(row);
    return (await this.repo(tx).findOneBy({ id: row.id }))!;
  }

  async update(tx: Transaction, id: string, patch: Partial<ParticipatoryProcess>): Promise<void> {
    await this.repo(tx).update({ id }, patch);
  }

  async setPhase(tx: Transaction, id: string, phase: ProcessPhase, freezeRules: boolean): Promise<void> {
    await this.repo(tx).update({ id }, freezeRules ? { phase, rulesFrozenAt: new Date() } : { phase });
  }
}
