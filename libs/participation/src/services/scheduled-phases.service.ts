import { InjectAppLogger } from '@ashar/runtime';
import { Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { PhaseScheduleRepository } from '../repositories/phase-schedule.repository';
import { PhaseTransitionService } from './phase-transition.service';

/** Processes moved per tick; the rest wait for the next tick (a minute). */
const BATCH = 200;

/**
 * The timer's side of phase plans (worker): each process whose planned start has come moves to the
 * latest phase due, by the same rules as an organiser's move (voting opens only with something to vote
 * on). A process an organiser already moved past the plan is not due and is left alone.
 */
@Injectable()
export class ScheduledPhasesService {
  constructor(
    private readonly schedule: PhaseScheduleRepository,
    private readonly transitions: PhaseTransitionService,
    @InjectAppLogger() private readonly logger: Logger,
  ) {}

  /** One process refused (nothing feasible to vote on) is logged and tried again next tick; the others move. */
  async advanceDue(now = new Date()): Promise<{ moved: number; refused: number }> {
    let moved = 0;
    let refused = 0;
    for (const d of await this.schedule.due(now, BATCH)) {
      try {
        await this.transitions.move(d.processId, d.phase, { accountId: null, onBehalfOf: null }, 'schedule');
        moved++;
      } catch (err) {
        refused++;
        const code = (err as { code?: string }).code;
        this.logger.warn({ event: 'participation.schedule.refused', processId: d.processId, phase: d.phase, code, err: code ? undefined : err }, 'scheduled phase change refused');
      }
    }
    return { moved, refused };
  }
}
