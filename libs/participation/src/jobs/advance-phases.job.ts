import { HandlesJob, JobHandler } from '@ashar/queue';
import { Injectable } from '@nestjs/common';
import { ScheduledPhasesService } from '../services/scheduled-phases.service';
import { PARTICIPATION_JOBS } from './participation.jobs';

/** Every minute: processes whose planned phase start has come move there (idempotent; a missed tick is caught up). */
@Injectable()
@HandlesJob(PARTICIPATION_JOBS.advancePhases)
export class AdvancePhasesJob implements JobHandler<Record<string, never>> {
  constructor(private readonly schedule: ScheduledPhasesService) {}

  handle(): Promise<unknown> {
    return this.schedule.advanceDue();
  }
}
