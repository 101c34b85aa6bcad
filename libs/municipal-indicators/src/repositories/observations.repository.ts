import { managerOf, Transaction } from '@ashar/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MunicipalityObservation } from '../entities/municipality-observation.entity';

/** Every statement on `municipality_observations` (insert-only: a trigger refuses UPDATE and DELETE). */
@Injectable()
export class ObservationsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private repo(tx?: Transaction) {
    return managerOf(tx, this.db).getRepository(MunicipalityObservation);
  }

  async insert(tx: Transaction, values: Omit<MunicipalityObservation, 'id' | 'createdAt' | 'unit'>): Promise<MunicipalityObservation> {
    const r = this.repo(tx);
    const row = r.create(values);
    await r.insert(row);
    return (await r.findOneBy({ id: row.id }))!;
  }

  byAnswerSet(tx: Transaction | undefined, answerSetId: string): Promise<MunicipalityObservation | null> {
    return this.repo(tx).findOneBy({ surveyAnswerSetId: answerSetId });
  }

  /** One unit's history, newest first (the first is current). */
  historyOf(unitId: string, limit = 200): Promise<MunicipalityObservation[]> {
    return this.repo().find({ where: { unitId }, order: { observedOn: 'DESC', createdAt: 'DESC' }, take: limit });
  }

  /** The current observation of each of many units, in one statement. */
  async currentOf(unitIds: readonly string[]): Promise<MunicipalityObservation[]> {
    if (!unitIds.length) return [];
    return this.repo()
      .createQueryBuilder('o')
      .distinctOn(['o.unit_id'])
      .where('o.unit_id IN (:...ids)', { ids: [...unitIds] })
      .orderBy('o.unit_id')
      .addOrderBy('o.observed_on', 'DESC')
      .addOrderBy('o.created_at', 'DESC')
      .getMany();
  }
}
