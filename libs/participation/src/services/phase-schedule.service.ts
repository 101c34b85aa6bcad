import { Actor, PermissionService } from '@ashar/auth';
import { AuditService } from '@ashar/audit';
import { TransactionRunner } from '@ashar/database';
import { ConflictError, InvalidInputError, parseInstant } from '@ashar/kernel';
import { CommunityService } from '@ashar/territory';
import { Injectable } from '@nestjs/common';
import { isForward, PHASE_ORDER } from '../domain/phases';
import { ProcessPhase } from '../entities/participatory-process.entity';
import { ProcessPhaseStart } from '../entities/process-phase-start.entity';
import { PARTICIPATION_PERMISSIONS } from '../participation.permissions';
import { PhaseScheduleRepository } from '../repositories/phase-schedule.repository';
import { ProcessesRepository } from '../repositories/processes.repository';
import { ProcessService } from './process.service';

/** A start may lie this far in the past (a form filled slowly); older ones are refused, not applied at once. */
const PAST_GRACE_MS = 5 * 60_000;

export { communityTimeZone } from '../domain/time-zone';
import { communityTimeZone } from '../domain/time-zone';

/**
 * Phases that begin by themselves: the organiser plans when each later phase starts (here), a job
 * every minute moves the processes whose start has come (`ScheduledPhasesService`, in the worker).
 */
@Injectable()
export class PhaseScheduleService {
  constructor(
    private readonly schedule: PhaseScheduleRepository,
    private readonly processes: ProcessesRepository,
    private readonly processService: ProcessService,
    private readonly communities: CommunityService,
    private readonly permissions: PermissionService,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  /**
   * Replaces the plan of every phase after the current one. Starts must follow the phase order and
   * each be later than the one before; a phase already begun cannot be planned.
   */
  async set(actor: Actor, processId: string, phases: Array<{ phase: ProcessPhase; startsAt: string }>, now = new Date()): Promise<void> {
    const p = await this.processService.byId(processId);
    await this.permissions.assert(actor, p.communityId, 'participation.manage', PARTICIPATION_PERMISSIONS);
    const starts = phases.map((s, i) => ({ phase: s.phase, startsAt: parseInstant(`phases.${i}.startsAt`, s.startsAt) }));
    await this.tx.run(async (tx) => {
      const locked = (await this.processes.lock(tx, p.id, 'update'))!;
      const seen = new Set<ProcessPhase>();
      let previous: Date | null = null;
      const ordered = [...starts.entries()].sort((a, b) => PHASE_ORDER.indexOf(a[1].phase) - PHASE_ORDER.indexOf(b[1].phase));
      for (const [i, s] of ordered) {
        if (seen.has(s.phase)) throw new InvalidInputError(`phases.${i}.phase`, 'errors.participation.scheduleDuplicate');
        seen.add(s.phase);
        if (!isForward(locked.phase, s.phase)) throw new ConflictError('errors.participation.schedulePastPhase', `${s.phase} is not after ${locked.phase}`, { phase: s.phase, current: locked.phase });
        if (s.startsAt.getTime() < now.getTime() - PAST_GRACE_MS) throw new InvalidInputError(`phases.${i}.startsAt`, 'errors.participation.scheduleInPast');
        if (previous && s.startsAt <= previous) throw new InvalidInputError(`phases.${i}.startsAt`, 'errors.participation.scheduleOrder');
        previous = s.startsAt;
      }
      const later = PHASE_ORDER.filter((ph) => isForward(locked.phase, ph));
      await this.schedule.replace(tx, p.id, later, starts);
      await this.audit.record(tx, actor.toAudit(), {
        action: 'participation.process.schedule',
        entityType: 'ParticipatoryProcess',
        entityId: p.id,
        communityId: p.communityId,
        after: { starts: starts.map((s) => ({ phase: s.phase, startsAt: s.startsAt.toISOString() })) },
      });
    });
  }

  /** Each process's planned starts, for many processes in one statement. */
  async ofProcesses(processIds: readonly string[]): Promise<ProcessPhaseStart[][]> {
    const rows = await this.schedule.ofProcesses(processIds);
    return processIds.map((id) => rows.filter((r) => r.processId === id));
  }

  async timeZonesOf(communityIds: readonly string[]): Promise<string[]> {
    const countries = await this.communities.countriesOf(communityIds);
    return communityIds.map((id) => communityTimeZone(countries.get(id)));
  }
}
