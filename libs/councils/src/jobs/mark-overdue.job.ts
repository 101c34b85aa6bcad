import { HandlesJob, JobHandler } from '@ashar/queue';
import { Injectable } from '@nestjs/common';
import { FollowUpService } from '../services/follow-up.service';
import { COUNCILS_JOBS, MarkOverduePayload } from './councils.jobs';

/** Marks unanswered recommendations and unfinished action items past their deadline, and tells the bodies. Idempotent. */
@Injectable()
@HandlesJob(COUNCILS_JOBS.markOverdue)
export class MarkOverdueJob implements JobHandler<MarkOverduePayload> {
  constructor(private readonly followUp: FollowUpService) {}

  handle(payload: MarkOverduePayload): Promise<unknown> {
    return this.followUp.markOverdue(payload.now ? new Date(payload.now) : new Date());
  }
}
