import { AuditService } from '@ashar/audit';
import { Actor } from '@ashar/auth';
import { TransactionRunner } from '@ashar/database';
import { ConflictError, InvalidInputError, NotFoundError, UnauthenticatedError, uuidOrNotFound } from '@ashar/kernel';
import { NotificationService } from '@ashar/notifications';
import { Injectable } from '@nestjs/common';
import { AskCouncilInput } from '../dtos/ask-council.input';
import { CitizenQuestion } from '../entities/citizen-question.entity';
import { MeetingsRepository } from '../repositories/meetings.repository';
import { PlansRepository } from '../repositories/plans.repository';
import { BodyAccess } from './body-access';
import { BodyService } from './body.service';

/**
 * Residents' questions to a body (a table of its own: a question has one answer or one agenda item,
 * not a thread). The sender and the body's secretary see it; the sender is told in-app when it is
 * answered or put on an agenda.
 */
@Injectable()
export class QuestionService {
  constructor(
    private readonly plans: PlansRepository,
    private readonly meetings: MeetingsRepository,
    private readonly bodies: BodyService,
    private readonly access: BodyAccess,
    private readonly notifications: NotificationService,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  /** The secretary sees every question; a signed-in resident their own; the public none. */
  async visibleOf(actor: Actor, bodyId: string): Promise<CitizenQuestion[]> {
    if (!actor.accountId) return [];
    if (await this.access.isSecretary(actor, bodyId)) return this.plans.questionsOf(bodyId, null);
    return this.plans.questionsOf(bodyId, actor.accountId);
  }

  async ask(actor: Actor, input: AskCouncilInput): Promise<CitizenQuestion> {
    if (!actor.accountId) throw new UnauthenticatedError();
    const body = await this.bodies.byId(input.bodyId);
    return this.tx.run(async (tx) => {
      const q = await this.plans.insertQuestion(tx, { bodyId: body.id, authorAccountId: actor.accountId!, text: input.text });
      await this.audit.record(tx, actor.toAudit(), { action: 'councils.question.ask', entityType: 'CitizenQuestion', entityId: q.id, communityId: body.communityId ?? undefined });
      return q;
    });
  }

  private async open(actor: Actor, id: string) {
    const q = await this.plans.question(uuidOrNotFound('CitizenQuestion', id));
    if (!q) throw new NotFoundError('CitizenQuestion', id);
    const body = await this.bodies.byId(q.bodyId);
    await this.access.assertSecretary(actor, body);
    return { q, body };
  }

  async answer(actor: Actor, id: string, answer: string): Promise<CitizenQuestion> {
    const { q, body } = await this.open(actor, id);
    await this.tx.run(async (tx) => {
      const locked = (await this.plans.lockQuestion(tx, q.id))!;
      if (locked.status !== 'OPEN') throw new ConflictError('errors.councils.questionHandled', 'the question is already answered or on an agenda');
      await this.plans.updateQuestion(tx, q.id, { status: 'ANSWERED', answerText: answer });
      await this.notifications.send(tx, { recipient: { accountId: q.authorAccountId }, channel: 'in_app', templateKey: 'councils.notifications.questionAnswered', params: { questionId: q.id }, idempotencyKey: `councils.question.${q.id}` });
      await this.audit.record(tx, actor.toAudit(), { action: 'councils.question.answer', entityType: 'CitizenQuestion', entityId: q.id, communityId: body.communityId ?? undefined });
    });
    return (await this.plans.question(q.id))!;
  }

  /** Adds an agenda item (link kind QUESTION) to a scheduled meeting of the same body. */
  async putOnAgenda(actor: Actor, id: string, meetingId: string): Promise<CitizenQuestion> {
    const { q, body } = await this.open(actor, id);
    const meeting = await this.meetings.meeting(uuidOrNotFound('CouncilMeeting', meetingId));
    if (!meeting || meeting.bodyId !== body.id) throw new InvalidInputError('meetingId', 'errors.councils.meetingOfOtherBody');
    await this.tx.run(async (tx) => {
      const locked = (await this.plans.lockQuestion(tx, q.id))!;
      if (locked.status !== 'OPEN') throw new ConflictError('errors.councils.questionHandled', 'the question is already answered or on an agenda');
      const lockedMeeting = (await this.meetings.lockMeeting(tx, meeting.id))!;
      if (lockedMeeting.status === 'HELD') throw new ConflictError('errors.councils.meetingHeld', 'the meeting is closed');
      const item = await this.meetings.insertItem(tx, { meetingId: meeting.id, position: await this.meetings.nextPosition(tx, meeting.id), title: q.text.slice(0, 300), description: q.text, linkKind: 'QUESTION', linkId: q.id });
      await this.plans.updateQuestion(tx, q.id, { status: 'ON_AGENDA', agendaItemId: item.id });
      await this.notifications.send(tx, { recipient: { accountId: q.authorAccountId }, channel: 'in_app', templateKey: 'councils.notifications.questionOnAgenda', params: { questionId: q.id, meetingId: meeting.id }, idempotencyKey: `councils.question.${q.id}` });
      await this.audit.record(tx, actor.toAudit(), { action: 'councils.question.agenda', entityType: 'CitizenQuestion', entityId: q.id, communityId: body.communityId ?? undefined, after: { agendaItemId: item.id } });
    });
    return (await this.plans.question(q.id))!;
  }
}
