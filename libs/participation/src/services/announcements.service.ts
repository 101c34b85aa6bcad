import { Actor, PermissionService, RateLimiter } from '@ashar/auth';
import { AuditService } from '@ashar/audit';
import { TransactionRunner } from '@ashar/database';
import { AccountContactsReader } from '@ashar/identity';
import { AppConfig, InvalidInputError } from '@ashar/kernel';
import { smsSegments } from '@ashar/kernel/sms';
import { InjectConfig } from '@ashar/runtime';
import { Injectable, Optional } from '@nestjs/common';
import { LocalizedText } from '../entities/participatory-process.entity';
import { ProcessAnnouncement } from '../entities/process-announcement.entity';
import { PARTICIPATION_PERMISSIONS } from '../participation.permissions';
import { ANNOUNCEMENTS_PER_PROCESS } from '../participation.rate-limits';
import { AnnouncementsRepository } from '../repositories/announcements.repository';
import { MessageUpdatesRepository } from '../repositories/message-updates.repository';
import { ProjectsRepository } from '../repositories/projects.repository';
import { ParticipationNotices } from './participation-notices.service';
import { ProcessService } from './process.service';

/** An announcement is an SMS for those who asked: at most three parts (201 Cyrillic letters) in any language. */
export const ANNOUNCEMENT_MAX_PARTS = 3;
const LANGUAGES = ['ky', 'ru', 'kk', 'en'] as const;

/**
 * An organiser's message to a process's participants: stored (public, like the process), audited, and fanned out
 * by the worker as the other notices to many are: in-app to every participant, by SMS (else email) to those who
 * asked for the process's notices, in each person's language (else the first one written), outside quiet hours.
 */
@Injectable()
export class AnnouncementsService {
  constructor(
    private readonly processes: ProcessService,
    private readonly repo: AnnouncementsRepository,
    private readonly asked: MessageUpdatesRepository,
    private readonly projects: ProjectsRepository,
    private readonly notices: ParticipationNotices,
    private readonly permissions: PermissionService,
    private readonly limiter: RateLimiter,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    @InjectConfig() private readonly config: AppConfig,
    @Optional() private readonly contacts?: AccountContactsReader,
  ) {}

  async send(actor: Actor, processId: string, input: LocalizedText): Promise<ProcessAnnouncement> {
    const process = await this.processes.byId(processId);
    await this.permissions.assert(actor, process.communityId, 'participation.manage', PARTICIPATION_PERMISSIONS);
    const text = checkedText(input);
    await this.limiter.consume(ANNOUNCEMENTS_PER_PROCESS, [process.id]);
    const saved = await this.tx.run(async (tx) => {
      const a = await this.repo.insert(tx, { processId: process.id, text, createdBy: actor.accountId! });
      await this.audit.record(tx, actor.toAudit(), { action: 'participation.announcement.send', entityType: 'ParticipatoryProcess', entityId: process.id, communityId: process.communityId, after: { announcementId: a.id, text } });
      await this.notices.queue(tx, { event: 'announcement', processId: process.id, announcementId: a.id });
      return a;
    });
    this.notices.dispatchSoon();
    return saved;
  }

  /** Organisers only: how many get it, in which language and by which channel, and the price of a part. */
  async audience(actor: Actor, processId: string) {
    const process = await this.processes.byId(processId);
    await this.permissions.assert(actor, process.communityId, 'participation.manage', PARTICIPATION_PERMISSIONS);
    const [participants, asked] = await Promise.all([this.projects.participantsOf(process.id), this.asked.accountsOf(process.id)]);
    const contacts = this.contacts ? await this.contacts.contactsOf(asked) : [];
    const byLanguage = LANGUAGES.map((language) => {
      const of = contacts.filter((c) => (LANGUAGES.includes(c.locale as (typeof LANGUAGES)[number]) ? c.locale : 'ky') === language);
      return { language, sms: of.filter((c) => c.phone).length, email: of.filter((c) => !c.phone && c.email).length };
    });
    const price = this.config.notifications.smsPrice;
    return { inApp: new Set([...participants, ...asked]).size, byLanguage, pricePerPartMinor: String(price.perPartMinor), currency: price.currency, maxParts: ANNOUNCEMENT_MAX_PARTS };
  }

  ofProcesses(processIds: readonly string[]): Promise<ProcessAnnouncement[][]> {
    return this.repo.ofProcesses(processIds).then((rows) => processIds.map((id) => rows.filter((r) => r.processId === id)));
  }
}

/** Trimmed, at least one language, none over the SMS budget (the field path names the language). */
function checkedText(input: LocalizedText): LocalizedText {
  const text: LocalizedText = {};
  for (const l of LANGUAGES) {
    const v = input[l]?.trim();
    if (!v) continue;
    const parts = smsSegments(v).parts;
    if (parts > ANNOUNCEMENT_MAX_PARTS) throw new InvalidInputError(`input.text.${l}`, 'errors.participation.announcement.tooLong', `${parts} SMS parts, at most ${ANNOUNCEMENT_MAX_PARTS}`, { parts, limit: ANNOUNCEMENT_MAX_PARTS });
    text[l] = v;
  }
  if (!Object.keys(text).length) throw new InvalidInputError('input.text', 'errors.participation.announcement.empty', 'write the message in at least one language');
  return text;
}
