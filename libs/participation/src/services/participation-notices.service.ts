import { TransactionRunner, Transaction } from '@ashar/database';
import { AccountContactsReader, AccountService } from '@ashar/identity';
import { NotificationKinds, NotificationParams, NotificationService, quietHoursDelayMs } from '@ashar/notifications';
import { DelayedJobs, OutboxService } from '@ashar/queue';
import { Injectable, OnModuleInit, Optional } from '@nestjs/common';
import { ParticipatoryProcess, ProcessPhase } from '../entities/participatory-process.entity';
import { Proposal } from '../entities/proposal.entity';
import { NoticePayload, PARTICIPATION_JOBS } from '../jobs/participation.jobs';
import { ProcessesRepository } from '../repositories/processes.repository';
import { ProjectsRepository } from '../repositories/projects.repository';
import { ProposalsRepository } from '../repositories/proposals.repository';
import { MessageUpdatesRepository } from '../repositories/message-updates.repository';
import { AnnouncementsRepository } from '../repositories/announcements.repository';
import { VotingRepository } from '../repositories/voting.repository';
import { communityTimeZone } from '../domain/time-zone';

/** The kinds of notice participation sends; each one a person may opt out of (notifications' preferences). */
export const PARTICIPATION_NOTICE_KINDS = {
  phase: 'participation.phase',
  reviewed: 'participation.reviewed',
  results: 'participation.results',
  progress: 'participation.progress',
  announcement: 'participation.announcement',
  reminder: 'participation.reminder',
} as const;

/** Recipients per transaction when a notice goes to many people (a city's vote: tens of thousands). */
const CHUNK = 500;

/** Whole units for a message ("12 500 KGS"): the catalogue's messages take plain text. */
export function money(minor: string, currency: string): string {
  const whole = (BigInt(minor) / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  return `${whole} ${currency}`;
}

/**
 * Participation's notices through libs/notifications. Personal ones (a proposal reviewed, to its
 * author) are written in the reviewer's transaction, in-app and by email or SMS, in the author's
 * language. Notices to many (a phase change, the results, a project's progress) are queued in the
 * transaction of the change (`participation.notify`) and fanned out by the worker, in-app (the inbox
 * renders each message in its reader's language), and by SMS or email to those who asked for the process's
 * notices. A person who opted out of a kind gets nothing of it; a phone that sent STOP gets no SMS.
 */
@Injectable()
export class ParticipationNotices implements OnModuleInit {
  constructor(
    private readonly notifications: NotificationService,
    private readonly kinds: NotificationKinds,
    private readonly outbox: OutboxService,
    private readonly tx: TransactionRunner,
    private readonly processes: ProcessesRepository,
    private readonly proposals: ProposalsRepository,
    private readonly projects: ProjectsRepository,
    private readonly messageUpdates: MessageUpdatesRepository,
    private readonly delayed: DelayedJobs,
    private readonly announcements: AnnouncementsRepository,
    private readonly voting: VotingRepository,
    // Worker side: addresses of those who asked for SMS/email notices.
    @Optional() private readonly contacts?: AccountContactsReader,
    // API side only (the review notice to its author).
    @Optional() private readonly accounts?: AccountService,
  ) {}

  onModuleInit(): void {
    this.kinds.register(Object.values(PARTICIPATION_NOTICE_KINDS).map((kind) => ({ kind, labelKey: `notifications.kind.${kind}` })));
  }

  /** Queues a notice to many, in the caller's transaction (so it goes if and only if the change commits). */
  async queue(tx: Transaction, payload: NoticePayload): Promise<void> {
    const ref = payload.event === 'phase' ? `${payload.processId}.${payload.phase}` : payload.event === 'progress' ? payload.updateId : payload.event === 'announcement' ? payload.announcementId : payload.processId;
    await this.outbox.enqueueJob(tx, PARTICIPATION_JOBS.notify, payload, `pb-notify.${payload.event}.${ref}`);
  }

  /** To the author: in-app, and by email (else SMS) when the account has an address. */
  async reviewed(tx: Transaction, proposal: Proposal, process: ParticipatoryProcess, verdict: { feasible: boolean; cost: string | null; reason: string | null }): Promise<void> {
    const [author] = this.accounts ? await this.accounts.byIds([proposal.authorAccountId]) : [];
    const templateKey = verdict.feasible ? 'notifications.participation.reviewedFeasible' : 'notifications.participation.reviewedRejected';
    const params: NotificationParams = verdict.feasible ? { title: proposal.title, cost: money(verdict.cost ?? proposal.estimatedCost, process.currency) } : { title: proposal.title, reason: verdict.reason ?? '' };
    const base = { recipient: { accountId: proposal.authorAccountId, email: author?.email ?? null, phone: author?.phone ?? null }, templateKey, params, locale: author?.locale ?? null, kind: PARTICIPATION_NOTICE_KINDS.reviewed };
    // A second review of the same proposal (status changed) is a new message; the same one twice is not.
    const key = `pb-reviewed.${proposal.id}.${verdict.feasible ? 'F' : 'R'}`;
    await this.notifications.send(tx, { ...base, channel: 'in_app', idempotencyKey: `${key}.app` });
    await this.notifications.send(tx, { ...base, channel: ['email', 'sms'], idempotencyKey: `${key}.out` });
  }

  /** After the caller's commit: email and SMS go now, not at the next outbox poll. */
  dispatchSoon(): void {
    this.notifications.dispatchSoon();
  }

  /**
   * The worker's half: one in-app message per recipient, in slices, each slice one transaction; a retry re-sends
   * nobody (idempotency keys). Then the same notice by SMS (verified phone) or else email to those who asked for
   * the process's notices (`setProcessMessageUpdates`), in their language, written to fit one SMS part, outside
   * the community's quiet hours: at night that part is scheduled for the morning (delayed, not dropped).
   */
  async fanOut(payload: NoticePayload, now = new Date()): Promise<{ sent: number; skipped: number; messages: number | 'later' }> {
    const process = await this.processes.findById(payload.processId);
    if (!process) return { sent: 0, skipped: 0, messages: 0 };
    const message = await this.messageOf(process, payload);
    if (!message) return { sent: 0, skipped: 0, messages: 0 };
    let sent = 0;
    let skipped = 0;
    if (payload.part !== 'messages') {
      for (let i = 0; i < message.recipients.length; i += CHUNK) {
        const slice = message.recipients.slice(i, i + CHUNK);
        await this.tx.run(async (tx) => {
          for (const accountId of slice) {
            const d = await this.notifications.send(tx, { recipient: { accountId }, channel: 'in_app', templateKey: message.templateKey, params: message.params, kind: message.kind, idempotencyKey: `${message.key}.${accountId}` });
            if (d) sent++;
            else skipped++;
          }
        });
      }
    }
    // The community's zone from its country; a process's currency is its community's (KGS: KG, KZT: KZ).
    // The delayed part itself sends whatever the clock says (re-scheduling it under its own running id would be a no-op).
    const wait = payload.part === 'messages' ? 0 : quietHoursDelayMs(now, communityTimeZone(process.currency === 'KZT' ? 'KZ' : 'KG'));
    let messages: number | 'later' = 0;
    if (wait > 0) {
      await this.delayed.schedule(PARTICIPATION_JOBS.notify, { ...payload, part: 'messages' }, `${message.key}.msg`, wait);
      messages = 'later';
    } else {
      messages = await this.sendMessages(message);
    }
    this.notifications.dispatchSoon();
    return { sent, skipped, messages };
  }

  private async sendMessages(message: NonNullable<Awaited<ReturnType<ParticipationNotices['messageOf']>>>): Promise<number> {
    if (!this.contacts) return 0;
    const asked = new Set(await this.messageUpdates.accountsOf(message.processId));
    // Progress goes to the project's subscribers who asked, a reminder to those who asked and have not voted;
    // phases, results and announcements to everyone who asked.
    const narrowed = message.kind === PARTICIPATION_NOTICE_KINDS.progress || message.kind === PARTICIPATION_NOTICE_KINDS.reminder;
    const to = narrowed ? message.recipients.filter((a) => asked.has(a)) : [...asked].sort();
    let n = 0;
    for (let i = 0; i < to.length; i += CHUNK) {
      const contacts = await this.contacts.contactsOf(to.slice(i, i + CHUNK));
      await this.tx.run(async (tx) => {
        for (const c of contacts) {
          const d = await this.notifications.send(tx, {
            recipient: { accountId: c.accountId, phone: c.phone, email: c.email },
            channel: ['sms', 'email'],
            templateKey: message.shortTemplateKey,
            params: message.params,
            locale: c.locale,
            kind: message.kind,
            idempotencyKey: `${message.key}.msg.${c.accountId}`,
          });
          if (d) n++;
        }
      });
    }
    return n;
  }

  private async messageOf(process: ParticipatoryProcess, p: NoticePayload): Promise<{ processId: string; kind: string; key: string; templateKey: string; shortTemplateKey: string; params: NotificationParams; recipients: string[] } | null> {
    const title = { text: { ...process.title } };
    if (p.event === 'phase') {
      const shortTemplateKey = p.phase === 'VOTING' ? 'notifications.participation.sms.votingOpen' : 'notifications.participation.sms.phase';
      return { processId: process.id, kind: PARTICIPATION_NOTICE_KINDS.phase, key: `pb-phase.${process.id}.${p.phase}`, templateKey: 'notifications.participation.phase', shortTemplateKey, params: { process: title, phase: { key: `participation.phase.${p.phase}` } }, recipients: await this.projects.participantsOf(process.id) };
    }
    if (p.event === 'results') {
      return { processId: process.id, kind: PARTICIPATION_NOTICE_KINDS.results, key: `pb-results.${process.id}`, templateKey: 'notifications.participation.results', shortTemplateKey: 'notifications.participation.sms.results', params: { process: title, count: p.winners ?? 0 }, recipients: await this.projects.participantsOf(process.id) };
    }
    if (p.event === 'announcement') {
      const a = await this.announcements.findById(p.announcementId);
      if (!a) return null;
      // In the app with the process's name; by SMS the text alone (the name would cost a part).
      const text = { text: { ...a.text } };
      const participants = await this.projects.participantsOf(process.id);
      const asked = await this.messageUpdates.accountsOf(process.id);
      return { processId: process.id, kind: PARTICIPATION_NOTICE_KINDS.announcement, key: `pb-announcement.${a.id}`, templateKey: 'notifications.participation.announcement', shortTemplateKey: 'notifications.participation.sms.announcement', params: { process: title, text }, recipients: [...new Set([...participants, ...asked])].sort() };
    }
    if (p.event === 'reminder') {
      // Who asked and is not in the voter registry yet (online, paper or SMS); the closing time in the community's zone.
      const voted = new Set(await this.voting.voterAccountIds(undefined, process.id));
      const recipients = (await this.messageUpdates.accountsOf(process.id)).filter((a) => !voted.has(a));
      const closes = closingTime(new Date(p.closesAt), communityTimeZone(process.currency === 'KZT' ? 'KZ' : 'KG'));
      return { processId: process.id, kind: PARTICIPATION_NOTICE_KINDS.reminder, key: `pb-reminder.${process.id}`, templateKey: 'notifications.participation.reminder', shortTemplateKey: 'notifications.participation.sms.reminder', params: { process: title, closes }, recipients };
    }
    const update = p.updateId ? await this.projects.updateById(p.updateId) : null;
    const proposal = update ? await this.proposals.findById(update.proposalId) : null;
    if (!update || !proposal) return null;
    return {
      processId: process.id,
      shortTemplateKey: 'notifications.participation.sms.progress',
      kind: PARTICIPATION_NOTICE_KINDS.progress,
      key: `pb-progress.${update.id}`,
      templateKey: 'notifications.participation.progress',
      params: { title: proposal.title, stage: { key: `participation.stage.${update.stage}` }, progress: update.progress, body: update.body },
      recipients: await this.projects.subscribersOf(proposal.id),
    };
  }
}

export type { ProcessPhase };

/** "24.06 18:00" in the community's zone: short enough for one SMS part, unambiguous within the week it is sent. */
export function closingTime(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, day: '2-digit', month: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const get = (t: string) => parts.find((x) => x.type === t)?.value ?? '';
  return `${get('day')}.${get('month')} ${get('hour')}:${get('minute')}`;
}
