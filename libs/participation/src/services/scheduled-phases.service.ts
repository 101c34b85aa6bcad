import { InjectAppLogger } from '@ashar/runtime';
import { Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { TransactionRunner } from '@ashar/database';
import { AnnouncementsRepository } from '../repositories/announcements.repository';
import { PhaseScheduleRepository } from '../repositories/phase-schedule.repository';
import { ParticipationNotices } from './participation-notices.service';
import { PhaseTransitionService } from './phase-transition.service';

/** Processes moved per tick; the rest wait for the next tick (a minute). */
const BATCH = 200;
/** The "voting closes soon" reminder goes once, this long before the planned close. */
export const REMINDER_BEFORE_CLOSE_MS = 24 * 60 * 60 * 1000;

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
    private readonly reminders: AnnouncementsRepository,
    private readonly notices: ParticipationNotices,
    private readonly tx: TransactionRunner,
    @InjectAppLogger() private readonly logger: Logger,
  ) {}

  /** One process refused (nothing feasible to vote on) is logged and tried again next tick; the others move. */
  async advanceDue(now = new Date()): Promise<{ moved: number; refused: number; reminded: number }> {
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
    return { moved, refused, reminded: await this.remindDue(now) };
  }

  /**
   * Votes whose planned close is within a day get one reminder (claimed and queued in one transaction, so a
   * second worker or a retried tick never sends it twice). A vote closed by hand before its plan gets none.
   */
  async remindDue(now = new Date()): Promise<number> {
    const claimed = await this.tx.run(async (tx) => {
      const due = await this.reminders.claimReminders(tx, now, REMINDER_BEFORE_CLOSE_MS, BATCH);
      for (const d of due) await this.notices.queue(tx, { event: 'reminder', processId: d.processId, closesAt: d.closesAt.toISOString() });
      return due.length;
    });
    if (claimed) this.notices.dispatchSoon();
    return claimed;
  }
}
