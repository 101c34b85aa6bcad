import { HandlesJob, JobHandler } from '@ashar/queue';
import { Injectable } from '@nestjs/common';
import { DeadlineReminderService } from '../services/deadline-reminder.service';
import { COMPETITIONS_JOBS, RemindDeadlinesPayload } from './competitions.jobs';

/** Tells applicants with an unsubmitted draft that a stage's deadline is 3 days, then 1 day, away. Idempotent. */
@Injectable()
@HandlesJob(COMPETITIONS_JOBS.remindDeadlines)
export class RemindDeadlinesJob implements JobHandler<RemindDeadlinesPayload> {
  constructor(private readonly reminders: DeadlineReminderService) {}

  handle(payload: RemindDeadlinesPayload): Promise<unknown> {
    return this.reminders.remind(payload.now ? new Date(payload.now) : new Date());
  }
}
