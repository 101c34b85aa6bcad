import { Actor, PermissionService } from '@ashar/auth';
import { AuditService } from '@ashar/audit';
import { TransactionRunner } from '@ashar/database';
import { ConflictError, InvalidInputError, NotFoundError, uuidOrNotFound } from '@ashar/kernel';
import { Injectable } from '@nestjs/common';
import { MergeProposalsInput } from '../dtos/merge-proposals.input';
import { Proposal } from '../entities/proposal.entity';
import { PARTICIPATION_PERMISSIONS } from '../participation.permissions';
import { ProcessesRepository } from '../repositories/processes.repository';
import { ProposalMergesRepository } from '../repositories/proposal-merges.repository';
import { ProposalsRepository } from '../repositories/proposals.repository';
import { ProcessService } from './process.service';

/**
 * Organisers merge a duplicate into the proposal they keep, before voting opens (ideas or review):
 * the duplicate's supports move (one per resident still), it becomes MERGED with a link, and the
 * merge is audited. Done under the process's exclusive lock, so no support lands on the duplicate
 * while its supports move.
 */
@Injectable()
export class ProposalMergeService {
  constructor(
    private readonly proposals: ProposalsRepository,
    private readonly merges: ProposalMergesRepository,
    private readonly processesRepo: ProcessesRepository,
    private readonly processes: ProcessService,
    private readonly permissions: PermissionService,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  async merge(actor: Actor, input: MergeProposalsInput): Promise<Proposal> {
    const duplicate = await this.proposals.findById(uuidOrNotFound('Proposal', input.duplicateId));
    if (!duplicate) throw new NotFoundError('Proposal', input.duplicateId);
    const process = await this.processes.visible(actor, duplicate.processId);
    await this.permissions.assert(actor, process.communityId, 'participation.manage', PARTICIPATION_PERMISSIONS);
    if (input.intoId === duplicate.id) throw new InvalidInputError('input.intoId', 'errors.participation.mergeSelf');
    const kept = await this.proposals.findById(uuidOrNotFound('Proposal', input.intoId));
    if (!kept || kept.processId !== duplicate.processId) throw new InvalidInputError('input.intoId', 'errors.participation.mergeOtherProcess');
    await this.tx.run(async (tx) => {
      const locked = (await this.processesRepo.lock(tx, process.id, 'update'))!;
      if (locked.phase !== 'IDEAS' && locked.phase !== 'REVIEW') throw new ConflictError('errors.participation.mergeClosed', 'duplicates are merged before voting opens', { phase: locked.phase });
      const [a, b] = [(await this.proposals.lock(tx, duplicate.id))!, (await this.proposals.lock(tx, kept.id))!];
      if (a.status === 'MERGED' || b.status === 'MERGED') throw new ConflictError('errors.participation.alreadyMerged', 'a merged proposal cannot be merged again');
      const moved = await this.merges.merge(tx, a.id, b.id);
      await this.audit.record(tx, actor.toAudit(), { action: 'participation.proposal.merge', entityType: 'Proposal', entityId: a.id, communityId: process.communityId, before: { status: a.status }, after: { status: 'MERGED', mergedIntoId: b.id, supportsMoved: moved } });
    });
    return (await this.proposals.findById(kept.id))!;
  }
}
