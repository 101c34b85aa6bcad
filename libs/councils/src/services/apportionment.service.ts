import { AuditService } from '@ashar/audit';
import { Actor } from '@ashar/auth';
import { TransactionRunner } from '@ashar/database';
import { ConflictError, InvalidInputError, NotFoundError, uuidOrNotFound } from '@ashar/kernel';
import { apportion, ApportionmentError, ApportionmentMethod } from '@ashar/tally';
import { Injectable } from '@nestjs/common';
import { ApportionSeatsInput } from '../dtos/apportion-seats.input';
import { SeatApportionment } from '../entities/seat-apportionment.entity';
import { PlansRepository } from '../repositories/plans.repository';
import { BodyAccess } from './body-access';
import { BodyService } from './body.service';

const METHOD: Record<SeatApportionment['method'], ApportionmentMethod> = { DHONDT: 'dhondt', SAINTE_LAGUE: 'sainte-lague', LARGEST_REMAINDER: 'largest-remainder' };

/**
 * A body's seats shared among villages by population, voters or revenue contribution, with the tally
 * engine's explanation. Figures are entered with their source (budgets records no revenue or execution by village, so revenue contributions are typed in by the body). Drafts
 * are the body's; published ones are public.
 */
@Injectable()
export class ApportionmentService {
  constructor(
    private readonly plans: PlansRepository,
    private readonly bodies: BodyService,
    private readonly access: BodyAccess,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  async visibleOf(actor: Actor, bodyId: string): Promise<SeatApportionment[]> {
    const all = await this.plans.apportionmentsOf(bodyId);
    return (await this.access.isSecretary(actor, bodyId)) ? all : all.filter((a) => a.publishedAt);
  }

  async apportion(actor: Actor, input: ApportionSeatsInput): Promise<SeatApportionment> {
    const body = await this.bodies.byId(input.bodyId);
    await this.access.assertSecretary(actor, body);
    const weights = input.figures.map((f, i) => {
      const w = Number(f.weight);
      if (!Number.isSafeInteger(w)) throw new InvalidInputError(`input.figures.${i}.weight`, 'errors.validation.invalid');
      // Revenue is entered by the body (budgets records no execution by village): where each figure comes from is part of the record.
      if (input.basis === 'REVENUE' && !f.source) throw new InvalidInputError(`input.figures.${i}.source`, 'errors.councils.revenueSource');
      return w;
    });
    let result;
    try {
      result = apportion(METHOD[input.method], input.figures.map((f, i) => ({ id: f.id, weight: weights[i] })), input.seats);
    } catch (e) {
      if (e instanceof ApportionmentError) throw new InvalidInputError('input.figures', 'errors.councils.apportionment', e.message);
      throw e;
    }
    return this.tx.run(async (tx) => {
      const a = await this.plans.insertApportionment(tx, { bodyId: body.id, basis: input.basis, method: input.method, seats: input.seats, figures: input.figures.map((f) => ({ id: f.id, name: f.name, weight: f.weight, source: f.source ?? null })), result, createdBy: actor.accountId! });
      await this.audit.record(tx, actor.toAudit(), { action: 'councils.apportionment.compute', entityType: 'SeatApportionment', entityId: a.id, communityId: body.communityId ?? undefined, after: { method: a.method, seats: a.seats, allocation: result.allocation } });
      return a;
    });
  }

  async publish(actor: Actor, id: string): Promise<SeatApportionment> {
    const a = await this.plans.apportionment(uuidOrNotFound('SeatApportionment', id));
    if (!a) throw new NotFoundError('SeatApportionment', id);
    const body = await this.bodies.byId(a.bodyId);
    await this.access.assertSecretary(actor, body);
    await this.tx.run(async (tx) => {
      const locked = (await this.plans.lockApportionment(tx, a.id))!;
      if (locked.publishedAt) throw new ConflictError('errors.councils.alreadyPublished', 'already published');
      await this.plans.updateApportionment(tx, a.id, { publishedAt: new Date() });
      await this.audit.record(tx, actor.toAudit(), { action: 'councils.apportionment.publish', entityType: 'SeatApportionment', entityId: a.id, communityId: body.communityId ?? undefined });
    });
    return (await this.plans.apportionment(a.id))!;
  }
}
