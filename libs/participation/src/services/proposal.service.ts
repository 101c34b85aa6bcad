import { Actor, PermissionService } from '@ashar/auth';
import { AuditService } from '@ashar/audit';
import { requestHash, sameRequestOrConflict, TransactionRunner } from '@ashar/database';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError, uuidOrNotFound } from '@ashar/kernel';
import { Injectable } from '@nestjs/common';
import { EditProposalInput, ReviewProposalInput, SubmitProposalInput } from '../dtos/proposal.input';
import { ParticipatoryProcess } from '../entities/participatory-process.entity';
import { Proposal } from '../entities/proposal.entity';
import { PARTICIPATION_PERMISSIONS } from '../participation.permissions';
import { ProcessesRepository } from '../repositories/processes.repository';
import { ProposalsRepository } from '../repositories/proposals.repository';
import { ProcessService } from './process.service';
import { ParticipationNotices } from './participation-notices.service';
import { ProcessPlacesService } from './process-places.service';

/** Residents' proposals: submitted and supported in the ideas phase, reviewed (publicly) in the review phase. */
@Injectable()
export class ProposalService {
  constructor(
    private readonly proposals: ProposalsRepository,
    private readonly processesRepo: ProcessesRepository,
    private readonly processes: ProcessService,
    private readonly permissions: PermissionService,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly notices: ParticipationNotices,
    private readonly places: ProcessPlacesService,
  ) {}

  async ofProcess(actor: Actor, processId: string): Promise<Proposal[]> {
    const p = await this.processes.visible(actor, processId);
    return this.proposals.ofProcess(p.id);
  }

  async byId(actor: Actor, id: string): Promise<Proposal> {
    const proposal = await this.proposals.findById(uuidOrNotFound('Proposal', id));
    if (!proposal) throw new NotFoundError('Proposal', id);
    await this.processes.visible(actor, proposal.processId);
    return proposal;
  }

  async submit(actor: Actor, input: SubmitProposalInput): Promise<Proposal> {
    const process = await this.processes.visible(actor, input.processId);
    await this.permissions.assert(actor, process.communityId, 'participation.propose', PARTICIPATION_PERMISSIONS);
    if (onlyOneCoordinate(input)) throw new InvalidInputError('input.longitude', 'errors.participation.point');
    const placement = await this.places.placement(process.id, input.districtId, input.categoryId);
    const values = {
      processId: process.id,
      ...placement,
      authorAccountId: actor.accountId!,
      title: input.title,
      description: input.description,
      estimatedCost: input.estimatedCost,
      villageUnitId: input.villageUnitId ?? null,
      category: input.category ?? null,
      latitude: input.latitude ?? null,
      longitude: input.longitude ?? null,
    };
    const clientRequestId = input.clientRequestId ?? null;
    const clientRequestHash = clientRequestId ? requestHash(values) : null;
    return this.tx.run(async (tx) => {
      const locked = (await this.processesRepo.lock(tx, process.id, 'share'))!;
      if (locked.phase !== 'IDEAS') throw new ConflictError('errors.participation.notInIdeas', 'proposals are taken in the ideas phase', { phase: locked.phase });
      let proposal: Proposal;
      if (clientRequestId) {
        const inserted = await this.proposals.insertOnce(tx, { ...values, clientRequestId, clientRequestHash });
        if (!inserted) {
          const stored = await this.proposals.byClientRequest(tx, process.id, clientRequestId);
          if (!stored) throw new ConflictError('errors.participation.clientRequestConflict', 'client request id taken');
          return sameRequestOrConflict(stored, clientRequestHash!, 'errors.participation.clientRequestConflict');
        }
        proposal = inserted;
      } else {
        proposal = await this.proposals.insert(tx, values);
      }
      await this.audit.record(tx, actor.toAudit(), { action: 'participation.proposal.submit', entityType: 'Proposal', entityId: proposal.id, communityId: process.communityId, after: { processId: process.id, title: input.title, estimatedCost: input.estimatedCost, clientRequestId } });
      return proposal;
    });
  }

  /** The author edits until the review starts. */
  async edit(actor: Actor, input: EditProposalInput): Promise<Proposal> {
    const proposal = await this.byId(actor, input.proposalId);
    const process = await this.processes.byId(proposal.processId);
    // The author; platform admins too (as everywhere), e.g. to correct what a resident dictated.
    if (proposal.authorAccountId !== actor.accountId && !actor.platformAdmin) throw new ForbiddenError('participation.proposal.edit');
    if (proposal.status === 'MERGED') throw new ConflictError('errors.participation.alreadyMerged', 'a merged proposal does not change');
    if (onlyOneCoordinate(input)) throw new InvalidInputError('input.longitude', 'errors.participation.point');
    const placement = await this.places.placement(process.id, input.districtId, input.categoryId);
    const patch = { ...placement, title: input.title, description: input.description, estimatedCost: input.estimatedCost, villageUnitId: input.villageUnitId ?? null, category: input.category ?? null, latitude: input.latitude ?? null, longitude: input.longitude ?? null };
    await this.tx.run(async (tx) => {
      const locked = (await this.processesRepo.lock(tx, process.id, 'share'))!;
      if (locked.phase !== 'IDEAS') throw new ConflictError('errors.participation.notInIdeas', 'proposals change in the ideas phase only', { phase: locked.phase });
      await this.proposals.update(tx, proposal.id, patch);
      await this.audit.record(tx, actor.toAudit(), { action: 'participation.proposal.edit', entityType: 'Proposal', entityId: proposal.id, communityId: process.communityId, before: { title: proposal.title, estimatedCost: proposal.estimatedCost }, after: { title: patch.title, estimatedCost: patch.estimatedCost } });
    });
    return (await this.proposals.findById(proposal.id))!;
  }

  /** One support per resident (a second one changes nothing); `false` takes it back. Ideas phase only. */
  async setSupport(actor: Actor, proposalId: string, support: boolean): Promise<Proposal> {
    const proposal = await this.byId(actor, proposalId);
    const process = await this.processes.byId(proposal.processId);
    await this.permissions.assert(actor, process.communityId, 'participation.propose', PARTICIPATION_PERMISSIONS);
    await this.tx.run(async (tx) => {
      const locked = (await this.processesRepo.lock(tx, process.id, 'share'))!;
      if (locked.phase !== 'IDEAS') throw new ConflictError('errors.participation.notInIdeas', 'supports are given in the ideas phase', { phase: locked.phase });
      // Read under the process lock: a merge (exclusive lock) has either finished or not begun.
      if (support && (await this.proposals.findById(proposal.id, tx))?.status === 'MERGED') throw new ConflictError('errors.participation.alreadyMerged', 'support the proposal it was merged into');
      const changed = support ? await this.proposals.addSupport(tx, proposal.id, actor.accountId!) : await this.proposals.removeSupport(tx, proposal.id, actor.accountId!);
      if (changed) await this.audit.record(tx, actor.toAudit(), { action: support ? 'participation.proposal.support' : 'participation.proposal.unsupport', entityType: 'Proposal', entityId: proposal.id, communityId: process.communityId });
    });
    return proposal;
  }

  /** Feasible with a reviewed cost, or rejected with a reason everyone sees. Review phase only. */
  async review(actor: Actor, input: ReviewProposalInput): Promise<Proposal> {
    const proposal = await this.proposals.findById(uuidOrNotFound('Proposal', input.proposalId));
    if (!proposal) throw new NotFoundError('Proposal', input.proposalId);
    const process: ParticipatoryProcess = await this.processes.byId(proposal.processId);
    await this.permissions.assert(actor, process.communityId, 'participation.manage', PARTICIPATION_PERMISSIONS);
    if (!input.feasible && !input.rejectionReason) throw new InvalidInputError('input.rejectionReason', 'errors.participation.reasonRequired');
    if (proposal.status === 'MERGED') throw new ConflictError('errors.participation.alreadyMerged', 'a merged proposal is not reviewed');
    const patch = input.feasible
      ? { status: 'FEASIBLE' as const, reviewedCost: input.reviewedCost ?? proposal.estimatedCost, rejectionReason: null }
      : { status: 'REJECTED' as const, reviewedCost: input.reviewedCost ?? null, rejectionReason: input.rejectionReason! };
    await this.tx.run(async (tx) => {
      const locked = (await this.processesRepo.lock(tx, process.id, 'share'))!;
      if (locked.phase !== 'REVIEW') throw new ConflictError('errors.participation.notInReview', 'proposals are reviewed in the review phase', { phase: locked.phase });
      await this.proposals.update(tx, proposal.id, patch);
      await this.audit.record(tx, actor.toAudit(), { action: 'participation.proposal.review', entityType: 'Proposal', entityId: proposal.id, communityId: process.communityId, before: { status: proposal.status }, after: patch });
      await this.notices.reviewed(tx, proposal, process, { feasible: input.feasible, cost: patch.reviewedCost, reason: patch.rejectionReason });
    });
    this.notices.dispatchSoon();
    return (await this.proposals.findById(proposal.id))!;
  }

  supportCounts(ids: readonly string[]): Promise<Map<string, number>> {
    return this.proposals.supportCounts(ids);
  }

  supportedBy(actor: Actor, ids: readonly string[]): Promise<Set<string>> {
    return actor.accountId ? this.proposals.supportedBy(actor.accountId, ids) : Promise.resolve(new Set());
  }
}

/** A map point is both coordinates or none. */
function onlyOneCoordinate(input: { latitude?: number | null; longitude?: number | null }): boolean {
  const hasLat = input.latitude !== undefined && input.latitude !== null;
  const hasLon = input.longitude !== undefined && input.longitude !== null;
  return hasLat !== hasLon;
}
