import { HandlesJob, JobHandler } from '@ashar/queue';
import { Injectable } from '@nestjs/common';
import { ResultsService } from '../services/results.service';
import { PARTICIPATION_JOBS } from './participation.jobs';

/** Counts a closed vote (queued by the phase change that closed it); a rerun stores the same outcome. */
@Injectable()
@HandlesJob(PARTICIPATION_JOBS.count)
export class CountProcessJob implements JobHandler<{ processId: string }> {
  constructor(private readonly results: ResultsService) {}

  handle(payload: { processId: string }): Promise<unknown> {
    return this.results.count(payload.processId);
  }
}
