import { AuditService } from '@ashar/audit';
import { Actor } from '@ashar/auth';
import { TransactionRunner } from '@ashar/database';
import { ConflictError, InvalidInputError, NotFoundError, uuidOrNotFound } from '@ashar/kernel';
import { Injectable } from '@nestjs/common';
import { quorumMet } from '../domain/decision-rule';
import { isTimeZone, localDate } from '../domain/local-date';
import { AgendaItemInput } from '../dtos/agenda-item.input';
import { AttendanceInput } from '../dtos/attendance.input';
import { CouncilDocumentInput } from '../dtos/council-document.input';
import { MinutesInput } from '../dtos/minutes.input';
import { ScheduleMeetingInput } from '../dtos/schedule-meeting.input';
import { AgendaItem } from '../entities/agenda-item.entity';
import { CouncilBody } from '../entities/council-body.entity';
import { CouncilDocument, DocumentOwnerKind } from '../entities/council-document.entity';
import { CouncilMeeting } from '../entities/council-meeting.entity';
import { BodiesRepository } from '../repositories/bodies.repository';
import { MeetingsRepository } from '../repositories/meetings.repository';
import { RecommendationsRepository } from '../repositories/recommendations.repository';
import { PlansRepository } from '../repositories/plans.repository';
import { BodyAccess } from './body-access';
import { BodyService } from './body.service';

/** The day a meeting counts its members on: its start date in its own time zone. */
export const meetingDate = (m: Pick<CouncilMeeting, 'startsAt' | 'timeZone'>) => localDate(m.startsAt, m.timeZone);

/**
 * Meetings, their agenda, attendance, minutes and documents. A CLOSED meeting's agenda, votes,
 * decisions and minutes are for the body's members until the secretary publishes the meeting.
 */
@Injectable()
export class MeetingService {
  constructor(
    private readonly meetings: MeetingsRepository,
    private readonly bodiesRepo: BodiesRepository,
    private readonly recommendations: RecommendationsRepository,
    private readonly plans: PlansRepository,
    private readonly bodies: BodyService,
    private readonly access: BodyAccess,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  async byId(id: string): Promise<CouncilMeeting> {
    const m = await this.meetings.meeting(uuidOrNotFound('CouncilMeeting', id));
    if (!m) throw new NotFoundError('CouncilMeeting', id);
    return m;
  }

  /** Whether the viewer may see what a meeting decided (its items, votes, decisions and minutes). */
  async contentVisible(actor: Actor, m: CouncilMeeting): Promise<boolean> {
    if (m.access === 'OPEN' || m.publishedAt) return true;
    if (actor.platformAdmin) return true;
    return this.access.isMember(actor, m.bodyId);
  }

  /** The viewer's own term on the meeting day (what their own vote is recorded under), or null. */
  async viewerMembershipId(actor: Actor, m: CouncilMeeting): Promise<string | null> {
    if (!actor.accountId) return null;
    const terms = await this.bodiesRepo.currentOfAccount(m.bodyId, actor.accountId, meetingDate(m));
    return terms[0]?.id ?? null;
  }

  ofBody(bodyId: string): Promise<CouncilMeeting[]> {
    return this.meetings.meetingsOf(bodyId);
  }

  async items(actor: Actor, m: CouncilMeeting): Promise<AgendaItem[]> {
    return (await this.contentVisible(actor, m)) ? this.meetings.items(m.id) : [];
  }

  async minutes(actor: Actor, m: CouncilMeeting): Promise<string | null> {
    if (!(await this.contentVisible(actor, m))) return null;
    // Drafts are the body's own; approved minutes are public with the meeting.
    if (m.minutesStatus === 'APPROVED') return m.minutesText;
    return (await this.access.isMember(actor, m.bodyId)) || actor.platformAdmin ? m.minutesText : null;
  }

  async quorum(m: CouncilMeeting): Promise<{ members: number; present: number; needed: number; met: boolean }> {
    const body = await this.bodies.byId(m.bodyId);
    const current = await this.bodiesRepo.currentMemberships(m.bodyId, meetingDate(m));
    const ids = new Set(current.map((c) => c.id));
    const present = (await this.meetings.attendance(m.id)).filter((a) => a.present && ids.has(a.membershipId)).length;
    const q = { numerator: body.quorumNumerator, denominator: body.quorumDenominator };
    return { members: current.length, present, needed: Math.ceil((current.length * q.numerator) / q.denominator), met: quorumMet(present, current.length, q) };
  }

  async documents(actor: Actor, kind: DocumentOwnerKind, ownerId: string, m: CouncilMeeting | null): Promise<CouncilDocument[]> {
    if (m && !(await this.contentVisible(actor, m))) return [];
    return this.meetings.documents(kind, ownerId);
  }

  /** An agenda item's papers: hidden with the rest of its meeting's content until published (non-members). */
  async itemDocuments(actor: Actor, item: { id: string; meetingId: string }): Promise<CouncilDocument[]> {
    return this.documents(actor, 'AGENDA_ITEM', item.id, await this.byId(item.meetingId));
  }

  async schedule(actor: Actor, input: ScheduleMeetingInput): Promise<CouncilMeeting> {
    const body = await this.bodies.byId(input.bodyId);
    await this.access.assertSecretary(actor, body);
    if (!isTimeZone(input.timeZone)) throw new InvalidInputError('input.timeZone', 'errors.councils.timeZone');
    if (input.endsAt && input.endsAt < input.startsAt) throw new InvalidInputError('input.endsAt', 'errors.councils.endsBeforeStart');
    if (!input.place && !input.onlineUrl) throw new InvalidInputError('input.place', 'errors.councils.placeOrLink');
    return this.tx.run(async (tx) => {
      const m = await this.meetings.insertMeeting(tx, { bodyId: body.id, title: input.title, startsAt: input.startsAt, endsAt: input.endsAt ?? null, timeZone: input.timeZone, access: input.access, place: input.place ?? null, onlineUrl: input.onlineUrl ?? null });
      await this.audit.record(tx, actor.toAudit(), { action: 'councils.meeting.schedule', entityType: 'CouncilMeeting', entityId: m.id, communityId: body.communityId ?? undefined, after: { bodyId: body.id, startsAt: m.startsAt, access: m.access } });
      return m;
    });
  }

  /** The meeting and its body, for the secretary, with the meeting locked while still SCHEDULED. */
  private async secretaryOf(actor: Actor, meetingId: string): Promise<{ meeting: CouncilMeeting; body: CouncilBody }> {
    const meeting = await this.byId(meetingId);
    const body = await this.bodies.byId(meeting.bodyId);
    await this.access.assertSecretary(actor, body);
    return { meeting, body };
  }

  async addItem(actor: Actor, input: AgendaItemInput): Promise<AgendaItem> {
    const { meeting, body } = await this.secretaryOf(actor, input.meetingId);
    if (input.linkKind === 'DOCUMENT' ? !input.linkUrl || input.linkId : input.linkKind ? !input.linkId || input.linkUrl : input.linkId || input.linkUrl) {
      throw new InvalidInputError(input.linkKind === 'DOCUMENT' ? 'input.linkUrl' : 'input.linkId', 'errors.councils.link');
    }
    if (input.linkKind === 'MINUTES') {
      const target = await this.meetings.meeting(input.linkId!);
      if (!target || target.bodyId !== body.id) throw new InvalidInputError('input.linkId', 'errors.councils.minutesOfOtherBody');
    }
    return this.tx.run(async (tx) => {
      const locked = (await this.meetings.lockMeeting(tx, meeting.id))!;
      if (locked.status === 'HELD') throw new ConflictError('errors.councils.meetingHeld', 'the meeting is closed');
      const item = await this.meetings.insertItem(tx, { meetingId: meeting.id, position: await this.meetings.nextPosition(tx, meeting.id), title: input.title, description: input.description ?? '', linkKind: input.linkKind ?? null, linkId: input.linkId ?? null, linkUrl: input.linkUrl ?? null });
      await this.audit.record(tx, actor.toAudit(), { action: 'councils.agenda.add', entityType: 'AgendaItem', entityId: item.id, communityId: body.communityId ?? undefined, after: { meetingId: meeting.id, title: item.title, linkKind: item.linkKind } });
      return item;
    });
  }

  /** Only current members on the meeting day appear in the register (BAD_USER_INPUT otherwise). */
  async recordAttendance(actor: Actor, input: AttendanceInput): Promise<CouncilMeeting> {
    const { meeting, body } = await this.secretaryOf(actor, input.meetingId);
    const current = new Set((await this.bodiesRepo.currentMemberships(body.id, meetingDate(meeting))).map((m) => m.id));
    input.attendees.forEach((a, i) => {
      if (!current.has(a.membershipId)) throw new InvalidInputError(`input.attendees.${i}.membershipId`, 'errors.councils.notCurrentMember');
    });
    await this.tx.run(async (tx) => {
      const locked = (await this.meetings.lockMeeting(tx, meeting.id))!;
      if (locked.status === 'HELD') throw new ConflictError('errors.councils.meetingHeld', 'the meeting is closed');
      await this.meetings.upsertAttendance(tx, input.attendees.map((a) => ({ meetingId: meeting.id, membershipId: a.membershipId, present: a.present })));
      await this.audit.record(tx, actor.toAudit(), { action: 'councils.meeting.attendance', entityType: 'CouncilMeeting', entityId: meeting.id, communityId: body.communityId ?? undefined, after: { attendees: input.attendees.length } });
    });
    return this.byId(meeting.id);
  }

  /** The secretary drafts (and redrafts) the minutes until a decision approves them. */
  async saveMinutes(actor: Actor, input: MinutesInput): Promise<CouncilMeeting> {
    const { meeting, body } = await this.secretaryOf(actor, input.meetingId);
    await this.tx.run(async (tx) => {
      const locked = (await this.meetings.lockMeeting(tx, meeting.id))!;
      if (locked.minutesStatus === 'APPROVED') throw new ConflictError('errors.councils.minutesApproved', 'approved minutes do not change');
      await this.meetings.updateMeeting(tx, meeting.id, { minutesText: input.text, minutesStatus: 'DRAFT', minutesDraftedBy: actor.accountId });
      await this.audit.record(tx, actor.toAudit(), { action: 'councils.minutes.draft', entityType: 'CouncilMeeting', entityId: meeting.id, communityId: body.communityId ?? undefined, after: { length: input.text.length } });
    });
    return this.byId(meeting.id);
  }

  /** Ends the meeting: no vote, decision, agenda item or attendance after this. */
  async close(actor: Actor, meetingId: string): Promise<CouncilMeeting> {
    const { meeting, body } = await this.secretaryOf(actor, meetingId);
    await this.tx.run(async (tx) => {
      const locked = (await this.meetings.lockMeeting(tx, meeting.id))!;
      if (locked.status === 'HELD') throw new ConflictError('errors.councils.meetingHeld', 'the meeting is closed');
      await this.meetings.updateMeeting(tx, meeting.id, { status: 'HELD', heldAt: new Date() });
      await this.audit.record(tx, actor.toAudit(), { action: 'councils.meeting.close', entityType: 'CouncilMeeting', entityId: meeting.id, communityId: body.communityId ?? undefined });
    });
    return this.byId(meeting.id);
  }

  /** Makes a CLOSED meeting's agenda, votes and decisions public (an OPEN one is public anyway). */
  async publish(actor: Actor, meetingId: string): Promise<CouncilMeeting> {
    const { meeting, body } = await this.secretaryOf(actor, meetingId);
    await this.tx.run(async (tx) => {
      const locked = (await this.meetings.lockMeeting(tx, meeting.id))!;
      if (locked.publishedAt) throw new ConflictError('errors.councils.alreadyPublished', 'the meeting is already published');
      await this.meetings.updateMeeting(tx, meeting.id, { publishedAt: new Date() });
      await this.audit.record(tx, actor.toAudit(), { action: 'councils.meeting.publish', entityType: 'CouncilMeeting', entityId: meeting.id, communityId: body.communityId ?? undefined });
    });
    return this.byId(meeting.id);
  }

  async attachDocument(actor: Actor, input: CouncilDocumentInput): Promise<CouncilDocument> {
    const bodyId = await this.ownerBody(input.ownerKind, input.ownerId);
    const body = await this.bodies.byId(bodyId);
    await this.access.assertSecretary(actor, body);
    return this.tx.run(async (tx) => {
      const d = await this.meetings.insertDocument(tx, { ownerKind: input.ownerKind, ownerId: input.ownerId, bodyId, name: input.name, url: input.url, mimeType: input.mimeType, addedBy: actor.accountId! });
      await this.audit.record(tx, actor.toAudit(), { action: 'councils.document.attach', entityType: 'CouncilDocument', entityId: d.id, communityId: body.communityId ?? undefined, after: { ownerKind: d.ownerKind, ownerId: d.ownerId, name: d.name } });
      return d;
    });
  }

  private async ownerBody(kind: DocumentOwnerKind, id: string): Promise<string> {
    const uuid = uuidOrNotFound(kind, id);
    if (kind === 'MEETING') return (await this.byId(uuid)).bodyId;
    if (kind === 'AGENDA_ITEM') {
      const item = await this.meetings.item(uuid);
      if (!item) throw new NotFoundError('AgendaItem', id);
      return (await this.byId(item.meetingId)).bodyId;
    }
    if (kind === 'RECOMMENDATION') {
      const r = await this.recommendations.byId(uuid);
      if (!r) throw new NotFoundError('CouncilRecommendation', id);
      return r.bodyId;
    }
    if (kind === 'ACTION_ITEM') {
      // The plan's own body keeps its items' papers (the monitoring body records checks, not evidence).
      const item = await this.plans.item(uuid);
      const plan = item ? await this.plans.plan(item.planId) : null;
      if (!plan) throw new NotFoundError('ActionItem', id);
      return plan.bodyId;
    }
    throw new InvalidInputError('input.ownerKind', 'errors.validation.invalid');
  }
}
