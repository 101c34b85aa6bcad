import { AuditService } from '@ashar/audit';
import { Actor } from '@ashar/auth';
import { TransactionRunner } from '@ashar/database';
import { InvalidInputError, NotFoundError, uuidOrNotFound } from '@ashar/kernel';
import { Injectable } from '@nestjs/common';
import { actionItemOverdue } from '../domain/action-items';
import { ActionCheckInput } from '../dtos/action-check.input';
import { ActionItemStatusInput } from '../dtos/action-item-status.input';
import { ActionItemInput } from '../dtos/action-item.input';
import { ActionPlanInput } from '../dtos/action-plan.input';
import { ActionCheck } from '../entities/action-check.entity';
import { ActionItem } from '../entities/action-item.entity';
import { ActionPlan } from '../entities/action-plan.entity';
import { PlansRepository } from '../repositories/plans.repository';
import { BodyAccess, today } from './body-access';
import { BodyService } from './body.service';

/** Action plans: the plan's body keeps its items; the monitoring body's secretary records checks. */
@Injectable()
export class ActionPlanService {
  constructor(
    private readonly plans: PlansRepository,
    private readonly bodies: BodyService,
    private readonly access: BodyAccess,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  async plan(id: string): Promise<ActionPlan> {
    const p = await this.plans.plan(uuidOrNotFound('ActionPlan', id));
    if (!p) throw new NotFoundError('ActionPlan', id);
    return p;
  }

  plansOf(bodyId: string): Promise<ActionPlan[]> {
    return this.plans.plansOf(bodyId);
  }

  items(planId: string): Promise<ActionItem[]> {
    return this.plans.items(planId);
  }

  checks(itemId: string): Promise<ActionCheck[]> {
    return this.plans.checks(itemId);
  }

  /** Overdue now (also before the job has flagged it). */
  isOverdue(item: ActionItem, now = new Date()): boolean {
    return actionItemOverdue(item.status, item.deadline, today(now));
  }

  async create(actor: Actor, input: ActionPlanInput): Promise<ActionPlan> {
    const body = await this.bodies.byId(input.bodyId);
    await this.access.assertSecretary(actor, body);
    if (input.monitoringBodyId) {
      if (input.monitoringBodyId === body.id) throw new InvalidInputError('input.monitoringBodyId', 'errors.councils.monitorsItself');
      await this.bodies.byId(input.monitoringBodyId);
    }
    return this.tx.run(async (tx) => {
      const p = await this.plans.insertPlan(tx, { bodyId: body.id, monitoringBodyId: input.monitoringBodyId ?? null, title: input.title });
      await this.audit.record(tx, actor.toAudit(), { action: 'councils.plan.create', entityType: 'ActionPlan', entityId: p.id, communityId: body.communityId ?? undefined, after: { title: p.title, monitoringBodyId: p.monitoringBodyId } });
      return p;
    });
  }

  async addItem(actor: Actor, input: ActionItemInput): Promise<ActionItem> {
    const plan = await this.plan(input.planId);
    const body = await this.bodies.byId(plan.bodyId);
    await this.access.assertSecretary(actor, body);
    return this.tx.run(async (tx) => {
      const item = await this.plans.insertItem(tx, { planId: plan.id, title: input.title, responsible: input.responsible, deadline: input.deadline });
      await this.audit.record(tx, actor.toAudit(), { action: 'councils.plan.item', entityType: 'ActionItem', entityId: item.id, communityId: body.communityId ?? undefined, after: { title: item.title, deadline: item.deadline } });
      return item;
    });
  }

  async setStatus(actor: Actor, input: ActionItemStatusInput): Promise<ActionItem> {
    const item = await this.plans.item(uuidOrNotFound('ActionItem', input.itemId));
    if (!item) throw new NotFoundError('ActionItem', input.itemId);
    const body = await this.bodies.byId((await this.plan(item.planId)).bodyId);
    await this.access.assertSecretary(actor, body);
    if (input.status === 'DONE' && !input.evidence?.trim()) throw new InvalidInputError('input.evidence', 'errors.councils.evidenceRequired');
    await this.tx.run(async (tx) => {
      const locked = (await this.plans.lockItem(tx, item.id))!;
      await this.plans.updateItem(tx, item.id, { status: input.status, evidence: input.evidence ?? locked.evidence });
      await this.audit.record(tx, actor.toAudit(), { action: 'councils.plan.status', entityType: 'ActionItem', entityId: item.id, communityId: body.communityId ?? undefined, before: { status: locked.status }, after: { status: input.status } });
    });
    return (await this.plans.item(item.id))!;
  }

  async recordCheck(actor: Actor, input: ActionCheckInput): Promise<ActionCheck> {
    const item = await this.plans.item(uuidOrNotFound('ActionItem', input.itemId));
    if (!item) throw new NotFoundError('ActionItem', input.itemId);
    const plan = await this.plan(item.planId);
    if (!plan.monitoringBodyId) throw new InvalidInputError('input.itemId', 'errors.councils.notMonitored');
    const monitor = await this.bodies.byId(plan.monitoringBodyId);
    await this.access.assertSecretary(actor, monitor);
    if (input.checkedOn > today()) throw new InvalidInputError('input.checkedOn', 'errors.councils.checkInFuture');
    return this.tx.run(async (tx) => {
      const c = await this.plans.insertCheck(tx, { itemId: item.id, monitoringBodyId: monitor.id, checkedOn: input.checkedOn, statusFound: input.statusFound, finding: input.finding, recordedBy: actor.accountId! });
      await this.audit.record(tx, actor.toAudit(), { action: 'councils.plan.check', entityType: 'ActionCheck', entityId: c.id, communityId: monitor.communityId ?? undefined, after: { itemId: item.id, statusFound: c.statusFound } });
      return c;
    });
  }
}
