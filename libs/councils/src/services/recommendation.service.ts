import { AuditService } from '@ashar/audit';
import { Actor } from '@ashar/auth';
import { TransactionRunner } from '@ashar/database';
import { ConflictError, InvalidInputError, NotFoundError, uuidOrNotFound } from '@ashar/kernel';
import { Injectable } from '@nestjs/common';
import { canMove, RecommendationStatus, TrackerCounts, trackerCounts } from '../domain/recommendation-flow';
import { searchText } from '../domain/search-text';
import { AnswerRecommendationInput } from '../dtos/answer-recommendation.input';
import { AssessRecommendationInput } from '../dtos/assess-recommendation.input';
import { SendRecommendationInput } from '../dtos/send-recommendation.input';
import { CouncilRecommendation } from '../entities/council-recommendation.entity';
import { StateBody } from '../entities/state-body.entity';
import { BodiesRepository } from '../repositories/bodies.repository';
import { MeetingsRepository } from '../repositories/meetings.repository';
import { RecommendationsRepository } from '../repositories/recommendations.repository';
import { BodyAccess } from './body-access';
import { BodyService } from './body.service';

/** Recommendations to state bodies and their follow-up; every step by the sending body's secretary. */
@Injectable()
export class RecommendationService {
  constructor(
    private readonly recommendations: RecommendationsRepository,
    private readonly meetings: MeetingsRepository,
    private readonly bodiesRepo: BodiesRepository,
    private readonly bodies: BodyService,
    private readonly access: BodyAccess,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  async byId(id: string): Promise<CouncilRecommendation> {
    const r = await this.recommendations.byId(uuidOrNotFound('CouncilRecommendation', id));
    if (!r) throw new NotFoundError('CouncilRecommendation', id);
    return r;
  }

  ofBody(bodyId: string): Promise<CouncilRecommendation[]> {
    return this.recommendations.ofBody(bodyId);
  }

  async send(actor: Actor, input: SendRecommendationInput): Promise<CouncilRecommendation> {
    const body = await this.bodies.byId(input.bodyId);
    await this.access.assertSecretary(actor, body);
    if (input.deadline < input.sentOn) throw new InvalidInputError('input.deadline', 'errors.councils.deadlineBeforeSending');
    const addressee = await this.bodiesRepo.stateBody(uuidOrNotFound('StateBody', input.addresseeId));
    if (!addressee) throw new InvalidInputError('input.addresseeId', 'errors.councils.unknownStateBody');
    if (input.decisionId) {
      const d = await this.meetings.decision(uuidOrNotFound('CouncilDecision', input.decisionId));
      if (!d || d.bodyId !== body.id || d.outcome !== 'ADOPTED') throw new InvalidInputError('input.decisionId', 'errors.councils.notAnAdoptedDecision');
    }
    return this.tx.run(async (tx) => {
      const r = await this.recommendations.insert(tx, {
        bodyId: body.id,
        addresseeId: addressee.id,
        decisionId: input.decisionId ?? null,
        title: input.title,
        text: input.text,
        sentOn: input.sentOn,
        deadline: input.deadline,
        createdBy: actor.accountId!,
        searchText: searchText(input.title, input.text, ...Object.values(addressee.name)),
      });
      await this.audit.record(tx, actor.toAudit(), { action: 'councils.recommendation.send', entityType: 'CouncilRecommendation', entityId: r.id, communityId: body.communityId ?? undefined, after: { addresseeId: addressee.id, sentOn: r.sentOn, deadline: r.deadline } });
      return r;
    });
  }

  private async step(actor: Actor, id: string, to: RecommendationStatus, patch: (r: CouncilRecommendation) => Partial<CouncilRecommendation>): Promise<CouncilRecommendation> {
    const r = await this.byId(id);
    const body = await this.bodies.byId(r.bodyId);
    await this.access.assertSecretary(actor, body);
    await this.tx.run(async (tx) => {
      const locked = (await this.recommendations.lock(tx, r.id))!;
      if (!canMove(locked.status, to)) throw new ConflictError('errors.councils.recommendationStep', `${locked.status} cannot become ${to}`, { params: { from: locked.status, to } });
      await this.recommendations.update(tx, r.id, { ...patch(locked), status: to });
      await this.audit.record(tx, actor.toAudit(), { action: `councils.recommendation.${to.toLowerCase()}`, entityType: 'CouncilRecommendation', entityId: r.id, communityId: body.communityId ?? undefined, before: { status: locked.status }, after: { status: to } });
    });
    return this.byId(r.id);
  }

  answer(actor: Actor, input: AnswerRecommendationInput): Promise<CouncilRecommendation> {
    if (input.documentUrl && (!input.documentName || !input.documentMimeType)) throw new InvalidInputError(input.documentName ? 'input.documentMimeType' : 'input.documentName', 'errors.validation.required');
    return this.step(actor, input.recommendationId, 'ANSWERED', (r) => {
      if (input.answeredOn < r.sentOn) throw new InvalidInputError('input.answeredOn', 'errors.councils.answerBeforeSending');
      return { answerText: input.answerText, answeredOn: input.answeredOn, answerDocumentUrl: input.documentUrl ?? null, answerDocumentName: input.documentUrl ? input.documentName! : null, answerDocumentMimeType: input.documentUrl ? input.documentMimeType! : null };
    });
  }

  assess(actor: Actor, input: AssessRecommendationInput): Promise<CouncilRecommendation> {
    return this.step(actor, input.recommendationId, input.assessment, () => ({ assessment: input.note ?? null }));
  }

  markImplemented(actor: Actor, id: string, on: string): Promise<CouncilRecommendation> {
    return this.step(actor, id, 'IMPLEMENTED', (r) => {
      if (on < r.sentOn) throw new InvalidInputError('implementedOn', 'errors.councils.answerBeforeSending');
      return { implementedOn: on };
    });
  }

  /** Per addressee: accepted, partly, rejected, implemented, ignored (no answer), overdue. */
  async tracker(country: string | null): Promise<Array<TrackerCounts & { addressee: StateBody }>> {
    const rows = await this.recommendations.statusesByAddressee(country);
    const by = new Map<string, RecommendationStatus[]>();
    for (const r of rows) by.set(r.addresseeId, [...(by.get(r.addresseeId) ?? []), ...Array<RecommendationStatus>(r.n).fill(r.status)]);
    const out: Array<TrackerCounts & { addressee: StateBody }> = [];
    for (const [id, statuses] of by) out.push({ addressee: (await this.bodiesRepo.stateBody(id))!, ...trackerCounts(statuses) });
    return out;
  }
}
