import { TransactionRunner } from '@ashar/database';
import { AccountContactsReader } from '@ashar/identity';
import { NotificationService } from '@ashar/notifications';
import { Injectable } from '@nestjs/common';
import { formatInZone } from '../domain/deadline';
import { ApplicationsRepository } from '../repositories/applications.repository';

const DAY = 86_400_000;
/** The marks before a deadline at which applicants with a draft are reminded, nearest last. */
export const REMINDER_MARKS = [
  { days: 3, key: '3d' },
  { days: 1, key: '1d' },
] as const;

/**
 * Deadline reminders: for every open call's stage whose deadline is at most 3 days (then 1 day) away,
 * each editor of an application with that stage still unsubmitted is told once per mark, in their own
 * language, in the app. Once each: the idempotency key names the
 * application, stage, mark and person, so runs every 15 minutes (or twice at once) send nothing twice.
 * A first run inside the last day sends the 1-day reminder only.
 */
@Injectable()
export class DeadlineReminderService {
  constructor(
    private readonly applications: ApplicationsRepository,
    private readonly contacts: AccountContactsReader,
    private readonly notifications: NotificationService,
    private readonly tx: TransactionRunner,
  ) {}

  /** Answers how many (application, person) reminders were due; a repeated one is not sent again (idempotency key). */
  async remind(now: Date): Promise<{ due: number }> {
    const drafts = await this.applications.draftsDue(now, new Date(now.getTime() + REMINDER_MARKS[0].days * DAY));
    const locales = new Map((await this.contacts.contactsOf([...new Set(drafts.flatMap((d) => d.editors))])).map((c) => [c.accountId, c.locale]));
    let due = 0;
    for (const d of drafts) {
      const left = d.deadlineAt.getTime() - now.getTime();
      const mark = [...REMINDER_MARKS].reverse().find((m) => left <= m.days * DAY)!;
      const deadline = formatInZone(d.deadlineAt, d.timeZone);
      for (const accountId of d.editors) {
        const row = await this.tx.run((tx) =>
          this.notifications.send(tx, {
            recipient: { accountId },
            channel: 'in_app',
            locale: locales.get(accountId) ?? null,
            templateKey: `notifications.competitions.deadlineReminder.${mark.key}`,
            params: { title: d.title, call: { text: d.callTitle }, deadline },
            idempotencyKey: `cmp-remind.${d.applicationId}.${d.stageNumber}.${mark.key}.${accountId}`,
          }),
        );
        if (row) due++;
      }
    }
    return { due };
  }
}
