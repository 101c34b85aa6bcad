import { HandlesJob, JobHandler } from '@ashar/queue';
import { Injectable } from '@nestjs/common';
import { ParticipationNotices } from '../services/participation-notices.service';
import { NoticePayload, PARTICIPATION_JOBS } from './participation.jobs';

/** Fans a notice out to its recipients (in-app); a retry sends nobody twice (idempotency keys per recipient). */
@Injectable()
@HandlesJob(PARTICIPATION_JOBS.notify)
export class NotifyParticipantsJob implements JobHandler<NoticePayload> {
  constructor(private readonly notices: ParticipationNotices) {}

  handle(payload: NoticePayload): Promise<unknown> {
    return this.notices.fanOut(payload);
  }
}
