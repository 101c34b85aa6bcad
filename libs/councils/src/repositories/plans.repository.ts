import { managerOf, Transaction } from '@ashar/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ActionCheck } from '../entities/action-check.entity';
import { ActionItem } from '../entities/action-item.entity';
import { ActionPlan } from '../entities/action-plan.entity';
import { CitizenQuestion } from '../entities/citizen-question.entity';
import { SeatApportionment } from '../entities/seat-apportionment.entity';

/** `council_action_plans`, `council_action_items`, `council_action_checks`, `council_apportionments`, `council_questions`. */
@Injectable()
export class PlansRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private m(tx?: Transaction) {
    return managerOf(tx, this.db);
  }

  private async insert<T extends object>(tx: Transaction, entity: new () => T, values: Partial<T>): Promise<T> {
    const repo = this.m(tx).getRepository(entity);
    const row = repo.create(values as T);
    await repo.insert(row as never);
    return (await repo.findOneBy({ id: (row as { id: string }).id } as never))!;
  }

  plan(id: string, tx?: Transaction): Promise<ActionPlan | null> {
    return this.m(tx).getRepository(ActionPlan).findOneBy({ id });
  }

  /** Plans the body drew up or monitors. */
  plansOf(bodyId: string): Promise<ActionPlan[]> {
    return this.m().getRepository(ActionPlan).find({ where: [{ bodyId }, { monitoringBodyId: bodyId }], order: { createdAt: 'ASC' } });
  }

  insertPlan(tx: Transaction, values: Partial<ActionPlan>): Promise<ActionPlan> {
    return this.insert(tx, ActionPlan, values);
  }

  item(id: string, tx?: Transaction): Promise<ActionItem | null> {
    return this.m(tx).getRepository(ActionItem).findOneBy({ id });
  }

  lockItem(tx: Transaction, id: string): Promise<ActionItem | null> {
    return this.m(tx).getRepository(ActionItem).createQueryBuilder('i').setLock('pessimistic_write').where('i.id = :id', { id }).getOne();
  }

  items(planId: string): Promise<ActionItem[]> {
    return this.m().getRepository(ActionItem).find({ where: { planId }, order: { position: 'ASC' } });
  }

  async insertItem(tx: Transaction, values: Partial<ActionItem>): Promise<ActionItem> {
    await this.m(tx).query(`SELECT id FROM council_action_plans WHERE id = $1 FOR UPDATE`, [values.planId]);
    const [r]: Array<{ n: number }> = await this.m(tx).query(`SELECT coalesce(max(position), 0)::int + 1 AS n FROM council_action_items WHERE plan_id = $1`, [values.planId]);
    return this.insert(tx, ActionItem, { ...values, position: r.n });
  }

  async updateItem(tx: Transaction, id: string, patch: Partial<ActionItem>): Promise<void> {
    await this.m(tx).getRepository(ActionItem).update({ id }, patch);
  }

  checks(itemId: string): Promise<ActionCheck[]> {
    return this.m().getRepository(ActionCheck).find({ where: { itemId }, order: { checkedOn: 'ASC', createdAt: 'ASC' } });
  }

  insertCheck(tx: Transaction, values: Partial<ActionCheck>): Promise<ActionCheck> {
    return this.insert(tx, ActionCheck, values);
  }

  apportionment(id: string, tx?: Transaction): Promise<SeatApportionment | null> {
    return this.m(tx).getRepository(SeatApportionment).findOneBy({ id });
  }

  lockApportionment(tx: Transaction, id: string): Promise<SeatApportionment | null> {
    return this.m(tx).getRepository(SeatApportionment).createQueryBuilder('a').setLock('pessimistic_write').where('a.id = :id', { id }).getOne();
  }

  apportionmentsOf(bodyId: string): Promise<SeatApportionment[]> {
    return this.m().getRepository(SeatApportionment).find({ where: { bodyId }, order: { createdAt: 'ASC' } });
  }

  insertApportionment(tx: Transaction, values: Partial<SeatApportionment>): Promise<SeatApportionment> {
    return this.insert(tx, SeatApportionment, values);
  }

  async updateApportionment(tx: Transaction, id: string, patch: Partial<SeatApportionment>): Promise<void> {
    await this.m(tx).getRepository(SeatApportionment).update({ id }, patch);
  }

  question(id: string, tx?: Transaction): Promise<CitizenQuestion | null> {
    return this.m(tx).getRepository(CitizenQuestion).findOneBy({ id });
  }

  lockQuestion(tx: Transaction, id: string): Promise<CitizenQuestion | null> {
    return this.m(tx).getRepository(CitizenQuestion).createQueryBuilder('q').setLock('pessimistic_write').where('q.id = :id', { id }).getOne();
  }

  questionsOf(bodyId: string, authorAccountId: string | null): Promise<CitizenQuestion[]> {
    return this.m().getRepository(CitizenQuestion).find({ where: authorAccountId ? { bodyId, authorAccountId } : { bodyId }, order: { createdAt: 'DESC' }, take: 500 });
  }

  insertQuestion(tx: Transaction, values: Partial<CitizenQuestion>): Promise<CitizenQuestion> {
    return this.insert(tx, CitizenQuestion, values);
  }

  async updateQuestion(tx: Transaction, id: string, patch: Partial<CitizenQuestion>): Promise<void> {
    await this.m(tx).getRepository(CitizenQuestion).update({ id }, patch);
  }
}
