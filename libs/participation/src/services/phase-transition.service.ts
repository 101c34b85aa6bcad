import { AuditActor, AuditService } from '@ashar/audit';
import { TransactionRunner } from '@ashar/database';
import { ConflictError } from '@ashar/kernel';
import { OutboxRelay, OutboxService } from '@ashar/queue';
import { Injectable } from '@nestjs/common';
import { isForward, rulesEditable } from '../domain/phases';
import { ProcessPhase } from '../entities/participatory-process.entity';
import { PARTICIPATION_JOBS } from '../jobs/participation.jobs';
import { ProcessesRepository } from '../repositories/processes.repository';
import { OutcomesRepository } from '../repositories/outcomes.repository';
import { ProjectsRepository } from '../repositories/projects.repository';
import { ProposalsRepository } from '../repositories/proposals.repository';
import { ParticipationNotices } from './participation-notices.service';

/**
 * A process's move to a later phase, whoever asks (an organiser, or the schedule in the worker, where no
 * permission applies). Opening the vote freezes the rules and needs something feasible to vote on;
 * closing it queues the count; moving to implementation makes one project per published winner; the
 * residents who took part are told (a notice queued in the same transaction).
 */
@Injectable()
export class PhaseTransitionService {
  constructor(
    private readonly processes: ProcessesRepository,
    private readonly proposals: ProposalsRepository,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly relay: OutboxRelay,
    private readonly outcomes: OutcomesRepository,
    private readonly projects: ProjectsRepository,
    private readonly notices: ParticipationNotices,
  ) {}

  async move(processId: string, phase: ProcessPhase, auditActor: AuditActor, by: 'organiser' | 'schedule'): Promise<void> {
    await this.tx.run(async (tx) => {
      const locked = await this.processes.lock(tx, processId, 'update');
      if (!locked) throw new ConflictError('errors.participation.phaseBackwards', `process ${processId} is gone`);
      if (!isForward(locked.phase, phase)) throw new ConflictError('errors.participation.phaseBackwards', `cannot move from ${locked.phase} to ${phase}`, { from: locked.phase, to: phase });
      const opensVoting = rulesEditable(locked.phase) && !rulesEditable(phase);
      if (opensVoting && !(await this.proposals.feasibleOf(tx, processId)).length) throw new ConflictError('errors.participation.nothingToVoteOn', 'no feasible proposal');
      await this.processes.setPhase(tx, processId, phase, opensVoting);
      const closesVoting = (locked.phase === 'VOTING' || opensVoting) && phase !== 'VOTING';
      if (closesVoting) await this.outbox.enqueueJob(tx, PARTICIPATION_JOBS.count, { processId }, `pb-count.${processId}`);
      // Implementation tracks the published winners: one project each (the count must be out first).
      if (phase === 'IMPLEMENTATION') {
        const outcome = await this.outcomes.findByProcess(processId, tx);
        if (!outcome) throw new ConflictError('errors.participation.noOutcome', 'the count is not published yet');
        await this.projects.createFor(tx, processId, outcome.selected);
      }
      await this.notices.queue(tx, { event: 'phase', processId, phase });
      await this.audit.record(tx, auditActor, {
        action: 'participation.process.phase',
        entityType: 'ParticipatoryProcess',
        entityId: processId,
        communityId: locked.communityId,
        before: { phase: locked.phase },
        after: { phase, rulesFrozen: opensVoting || locked.rulesFrozenAt !== null, ...(by === 'schedule' ? { by } : {}) },
      });
    });
    void this.relay.kick();
  }
}
