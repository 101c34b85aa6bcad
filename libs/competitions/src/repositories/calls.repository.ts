import { managerOf, Transaction } from '@ashar/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { CallStage } from '../entities/call-stage.entity';
import { CompetitionCall } from '../entities/competition-call.entity';

/** `cmp_calls` and their `cmp_stages`. */
@Injectable()
export class CallsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private calls(tx?: Transaction) {
    return managerOf(tx, this.db).getRepository(CompetitionCall);
  }
  private stagesRepo(tx?: Transaction) {
    return managerOf(tx, this.db).getRepository(CallStage);
  }

  findById(id: string, tx?: Transaction): Promise<CompetitionCall | null> {
    return this.calls(tx).findOneBy({ id });
  }

  /** Locked for a status change (results publication waits for decisions in flight). */
  lock(tx: Transaction, id: string): Promise<CompetitionCall | null> {
    return this.calls(tx).createQueryBuilder('c').setLock('pessimistic_write').where('c.id = :id', { id }).getOne();
  }

  ofCommunity(communityId: string): Promise<CompetitionCall[]> {
    return this.calls().find({ where: { communityId }, order: { createdAt: 'DESC' } });
  }

  /** Every call past its draft, on the whole platform (the public list): open ones first, newest first. */
  async published(limit: number): Promise<CompetitionCall[]> {
    const rows = await this.calls().find({ where: { status: In(['OPEN', 'RESULTS_PUBLISHED']) }, order: { createdAt: 'DESC' }, take: limit });
    return [...rows.filter((c) => c.status === 'OPEN'), ...rows.filter((c) => c.status !== 'OPEN')];
  }

  stages(callId: string, tx?: Transaction): Promise<CallStage[]> {
    return this.stagesRepo(tx).find({ where: { callId }, order: { number: 'ASC' } });
  }

  async insert(tx: Transaction, call: Partial<CompetitionCall>, stages: Array<Omit<CallStage, 'callId' | 'call'>>): Promise<CompetitionCall> {
    const row = this.calls(tx).create(call);
    await this.calls(tx).insert(row);
    await this.stagesRepo(tx).insert(stages.map((s) => ({ ...s, callId: row.id })));
    return (await this.calls(tx).findOneBy({ id: row.id }))!;
  }

  /** A draft's new definition: the call's columns and its stages, replaced. */
  async replace(tx: Transaction, id: string, values: Partial<CompetitionCall>, stages: Array<Omit<CallStage, 'callId' | 'call'>>): Promise<void> {
    await this.calls(tx).update({ id }, values as QueryDeepPartialEntity<CompetitionCall>);
    await this.stagesRepo(tx).delete({ callId: id });
    await this.stagesRepo(tx).insert(stages.map((s) => ({ ...s, callId: id })));
  }

  async update(tx: Transaction, id: string, patch: Partial<CompetitionCall>): Promise<void> {
    await this.calls(tx).update({ id }, patch);
  }
}
