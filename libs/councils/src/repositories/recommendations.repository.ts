import { managerOf, Transaction } from '@ashar/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ActionItem } from '../entities/action-item.entity';
import { CouncilRecommendation } from '../entities/council-recommendation.entity';

/** `council_recommendations`, and the overdue marking of `council_action_items` (same job, same day). */
@Injectable()
export class RecommendationsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private m(tx?: Transaction) {
    return managerOf(tx, this.db);
  }

  byId(id: string, tx?: Transaction): Promise<CouncilRecommendation | null> {
    return this.m(tx).getRepository(CouncilRecommendation).findOneBy({ id });
  }

  lock(tx: Transaction, id: string): Promise<CouncilRecommendation | null> {
    return this.m(tx).getRepository(CouncilRecommendation).createQueryBuilder('r').setLock('pessimistic_write').where('r.id = :id', { id }).getOne();
  }

  ofBody(bodyId: string): Promise<CouncilRecommendation[]> {
    return this.m().getRepository(CouncilRecommendation).find({ where: { bodyId }, order: { sentOn: 'DESC', createdAt: 'DESC' } });
  }

  async insert(tx: Transaction, values: Partial<CouncilRecommendation>): Promise<CouncilRecommendation> {
    const row = this.m(tx).getRepository(CouncilRecommendation).create(values);
    await this.m(tx).getRepository(CouncilRecommendation).insert(row);
    return (await this.byId(row.id, tx))!;
  }

  async update(tx: Transaction, id: string, patch: Partial<CouncilRecommendation>): Promise<void> {
    await this.m(tx).getRepository(CouncilRecommendation).update({ id }, patch);
  }

  /** SENT and past the deadline (before `today`) → OVERDUE; the rows changed. */
  async markOverdue(tx: Transaction, today: string, now: Date): Promise<Array<{ id: string; bodyId: string; title: string }>> {
    // TypeORM answers an UPDATE … RETURNING on PostgreSQL with [rows, affected].
    const [rows]: [Array<{ id: string; body_id: string; title: string }>, number] = await this.m(tx).query(
      `UPDATE council_recommendations SET status = 'OVERDUE', overdue_at = $2, updated_at = now() WHERE status = 'SENT' AND deadline < $1 RETURNING id, body_id, title`,
      [today, now],
    );
    return rows.map((r) => ({ id: r.id, bodyId: r.body_id, title: r.title }));
  }

  /** Action items past their deadline and not done: flagged once. */
  async markItemsOverdue(tx: Transaction, today: string, now: Date): Promise<number> {
    const r = await this.m(tx)
      .createQueryBuilder()
      .update(ActionItem)
      .set({ overdueAt: now })
      .where(`status IN ('PLANNED', 'IN_PROGRESS') AND deadline < :today AND overdue_at IS NULL`, { today })
      .execute();
    return r.affected ?? 0;
  }

  /** Per addressee: the status of every recommendation it received. */
  async statusesByAddressee(country: string | null): Promise<Array<{ addresseeId: string; status: CouncilRecommendation['status']; n: number }>> {
    const rows: Array<{ addressee_id: string; status: CouncilRecommendation['status']; n: number }> = await this.m().query(
      `SELECT r.addressee_id, r.status, count(*)::int AS n FROM council_recommendations r JOIN state_bodies s ON s.id = r.addressee_id
        WHERE ($1::text IS NULL OR s.country = $1) GROUP BY r.addressee_id, r.status ORDER BY r.addressee_id`,
      [country],
    );
    return rows.map((r) => ({ addresseeId: r.addressee_id, status: r.status, n: r.n }));
  }
}
